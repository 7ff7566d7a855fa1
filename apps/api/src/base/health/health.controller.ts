import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@pairboard/contracts';
import type { Response } from 'express';
import { Public } from '../http/public.decorator';
import { PrismaService } from '../prisma';
import { RedisService } from '../redis';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: RedisService,
  ) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const [database, redis] = await Promise.all([this.prisma.isReachable(), this.redis.isReachable()]);
    const ok = database && redis;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', checks: { database: database ? 'up' : 'down', redis: redis ? 'up' : 'down' } };
  }
}
