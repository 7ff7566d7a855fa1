import { Module } from '@nestjs/common';
import { ScriptsController } from './scripts.controller';
import { ScriptsRepository } from './scripts.repository';
import { ScriptsService } from './scripts.service';

/** Framework scripts: the built-ins and each user's own, versioned on every save. */
@Module({ controllers: [ScriptsController], providers: [ScriptsService, ScriptsRepository], exports: [ScriptsService] })
export class ScriptsModule {}
