import { Module } from '@nestjs/common';
import { ScriptsModule } from '../scripts';
import { ContentController } from './content.controller';
import { ContentRepository } from './content.repository';
import { ContentService } from './content.service';

@Module({ imports: [ScriptsModule], controllers: [ContentController], providers: [ContentService, ContentRepository], exports: [ContentService] })
export class ContentModule {}
