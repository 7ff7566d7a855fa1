import { Body, Controller, Delete, Get, HttpCode, Param, PipeTransform, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ScriptDetail, ScriptList, ScriptVersionList } from '@pairboard/contracts';
import { AppError } from '../../base/errors';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { CopyScriptDto, CreateScriptDto, ScriptDetailDto, ScriptListDto, ScriptVersionListDto, UpdateScriptDto } from './scripts.dto';
import { ScriptsService } from './scripts.service';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A path that cannot be a script's slug names no script. */
const slugPipe: PipeTransform<string, string> = {
  transform: (value) => {
    if (value.length > 80 || !SLUG.test(value)) throw new AppError('NOT_FOUND', 'No such script.');
    return value;
  },
};

const versionPipe: PipeTransform<string, number> = {
  transform: (value) => {
    if (!/^[1-9][0-9]{0,5}$/.test(value)) throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'version', message: 'Use a version number' }]);
    return Number(value);
  },
};

/** Scripts are addressed by slug (all versions of one script share it); a version row's id is what interviews pin. */
@ApiTags('scripts')
@ApiBearerAuth()
@Controller('scripts')
export class ScriptsController {
  constructor(private readonly scripts: ScriptsService) {}

  @Get()
  @ApiResponse({ status: 200, type: ScriptListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<ScriptList> {
    return this.scripts.list(user.id);
  }

  @Post()
  @ApiResponse({ status: 201, type: ScriptDetailDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateScriptDto): Promise<ScriptDetail> {
    return this.scripts.create(user.id, body);
  }

  @Get(':slug')
  @ApiResponse({ status: 200, type: ScriptDetailDto })
  latest(@CurrentUser() user: AuthenticatedUser, @Param('slug', slugPipe) slug: string): Promise<ScriptDetail> {
    return this.scripts.detail(user.id, slug);
  }

  @Put(':slug')
  @ApiResponse({ status: 200, type: ScriptDetailDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param('slug', slugPipe) slug: string, @Body() body: UpdateScriptDto): Promise<ScriptDetail> {
    return this.scripts.update(user.id, slug, body);
  }

  @Delete(':slug')
  @HttpCode(204)
  async archive(@CurrentUser() user: AuthenticatedUser, @Param('slug', slugPipe) slug: string): Promise<void> {
    await this.scripts.archive(user.id, slug);
  }

  @Post(':slug/copy')
  @ApiResponse({ status: 201, type: ScriptDetailDto })
  copy(@CurrentUser() user: AuthenticatedUser, @Param('slug', slugPipe) slug: string, @Body() body: CopyScriptDto): Promise<ScriptDetail> {
    return this.scripts.copy(user.id, slug, body);
  }

  @Get(':slug/versions')
  @ApiResponse({ status: 200, type: ScriptVersionListDto })
  versions(@CurrentUser() user: AuthenticatedUser, @Param('slug', slugPipe) slug: string): Promise<ScriptVersionList> {
    return this.scripts.versions(user.id, slug);
  }

  @Get(':slug/versions/:version')
  @ApiResponse({ status: 200, type: ScriptDetailDto })
  version(@CurrentUser() user: AuthenticatedUser, @Param('slug', slugPipe) slug: string, @Param('version', versionPipe) version: number): Promise<ScriptDetail> {
    return this.scripts.detail(user.id, slug, version);
  }
}
