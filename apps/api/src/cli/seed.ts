import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError, ConfigModule, loadConfig } from '../base/config';
import { PrismaModule } from '../base/prisma';
import { PasswordHasher } from '../core/auth/password-hasher';
import { ContentModule, ContentService } from '../core/content';
import { UsersModule, UsersService } from '../core/users';

/** Demo accounts for trying Pairboard with two browsers. Passwords are printed only in development. */
export const DEMO_ACCOUNTS = [
  { email: 'ada@demo.pairboard.dev', name: 'Ada (demo)', password: 'pairboard-demo-ada' },
  { email: 'grace@demo.pairboard.dev', name: 'Grace (demo)', password: 'pairboard-demo-grace' },
] as const;

@Module({})
class SeedModule {
  static forRoot(config: AppConfig) {
    return { module: SeedModule, imports: [ConfigModule.forRoot(config), PrismaModule, UsersModule, ContentModule], providers: [PasswordHasher] };
  }
}

/** The built-in question bank, scripts and rubric: every install needs them. Idempotent. */
export async function seedContent(config: AppConfig): Promise<void> {
  const context = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: false });
  try {
    await context.get(ContentService).seedBuiltIns();
    console.log('seed: question bank, framework scripts and rubric up to date');
  } finally {
    await context.close();
  }
}

/** Idempotent: an existing demo account is left as it is (its password too), only marked verified. */
export async function seedDemoAccounts(config: AppConfig): Promise<void> {
  const context = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: false });
  try {
    const users = context.get(UsersService);
    const passwords = context.get(PasswordHasher);
    for (const account of DEMO_ACCOUNTS) {
      const existing = await users.findByEmail(account.email);
      // Demo addresses receive no mail, so they are verified from the start.
      if (!existing) {
        await users.createUnlessExists({ email: account.email, name: account.name, passwordHash: await passwords.hash(account.password), emailVerifiedAt: new Date() });
      } else if (!existing.emailVerifiedAt) {
        await users.markEmailVerified(existing.id, existing.email, new Date());
      }
    }
    if (config.NODE_ENV === 'development') {
      console.log('seed: demo accounts (development only):');
      for (const account of DEMO_ACCOUNTS) console.log(`        ${account.email}  /  ${account.password}`);
    } else {
      console.log(`seed: ${DEMO_ACCOUNTS.length} demo accounts present`);
    }
  } finally {
    await context.close();
  }
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const demo = config.SEED_DEMO ?? config.NODE_ENV !== 'production';
  seedContent(config)
    .then(() => (demo ? seedDemoAccounts(config) : console.log('seed: demo accounts skipped (SEED_DEMO=false)')))
    .catch((error: unknown) => {
      console.error('seed failed:', error);
      process.exit(1);
    });
}
