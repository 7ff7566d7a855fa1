import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The JS engine and driver adapter keep every Prisma command offline (no engine download).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  async adapter() {
    return new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/pairboard',
      // Lets each CLI call exit as soon as it is done instead of waiting for the idle pool to time out.
      allowExitOnIdle: true,
    });
  },
});
