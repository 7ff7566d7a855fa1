import { Global, Module } from '@nestjs/common';
import { UserLifecycle } from './user-lifecycle';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

// Global so that the one UserLifecycle instance is shared by every capability that listens to it.
@Global()
@Module({ providers: [UsersRepository, UsersService, UserLifecycle], exports: [UsersService, UserLifecycle] })
export class UsersModule {}
