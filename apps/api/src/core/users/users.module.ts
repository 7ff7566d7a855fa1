import { Global, Module } from '@nestjs/common';
import { UserLifecycle } from './user-lifecycle';
import { UsersRepository } from './users.repository';

// Global so that the one UserLifecycle instance is shared by every capability that listens to it.
@Global()
@Module({ providers: [UsersRepository, UserLifecycle], exports: [UsersRepository, UserLifecycle] })
export class UsersModule {}
