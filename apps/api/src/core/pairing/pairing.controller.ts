import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PairingRequestList, PairingRequestView, ShowUpRecord } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { CreatePairingRequestDto, PairingRequestCreatedDto, PairingRequestDto, PairingRequestListDto, ShowUpRecordDto, UpdatePairingRequestDto } from './pairing.dto';
import { PairingService } from './pairing.service';

@ApiTags('pairing')
@ApiBearerAuth()
@Controller('pairing/requests')
export class PairingController {
  constructor(private readonly pairing: PairingService) {}

  @Post()
  @ApiResponse({ status: 201, type: PairingRequestCreatedDto })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreatePairingRequestDto): Promise<{ id: string; status: 'open' }> {
    return this.pairing.create(user.id, body);
  }

  @Get()
  @ApiResponse({ status: 200, type: PairingRequestListDto })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<PairingRequestList> {
    return { items: await this.pairing.listMine(user.id) };
  }

  @Patch(':id')
  @ApiResponse({ status: 200, type: PairingRequestDto })
  update(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdatePairingRequestDto): Promise<PairingRequestView> {
    return this.pairing.update(user.id, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Cancelled' })
  async cancel(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    await this.pairing.cancel(user.id, id);
  }
}

@ApiTags('pairing')
@ApiBearerAuth()
@Controller('pairing/record')
export class ShowUpRecordController {
  constructor(private readonly pairing: PairingService) {}

  /** One's own record only: the matchmaker uses it, so people can see what it holds about them. */
  @Get()
  @ApiResponse({ status: 200, type: ShowUpRecordDto })
  get(@CurrentUser() user: AuthenticatedUser): Promise<ShowUpRecord> {
    return this.pairing.showUpRecord(user.id);
  }
}
