import { Controller, Get, Injectable, Module, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectMetric, makeHistogramProvider, PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import type { Histogram } from 'prom-client';
import { Public } from '../../core/auth/public.decorator';

const HTTP_DURATION = 'http_request_duration_seconds';

@ApiExcludeController()
@Controller()
class MetricsController extends PrometheusController {
  @Public()
  @Get()
  override async index(@Res({ passthrough: true }) response: Response) {
    return super.index(response);
  }
}

/** Mounted first by the app factory; observes every HTTP request by route pattern (never the raw URL, which would explode label cardinality). */
@Injectable()
export class HttpMetricsMiddleware {
  constructor(@InjectMetric(HTTP_DURATION) private readonly duration: Histogram<string>) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.duration.startTimer();
    response.once('finish', () => {
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
      stop({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  }
}

@Module({
  imports: [PrometheusModule.register({ path: '/metrics', controller: MetricsController, defaultMetrics: { enabled: true } })],
  providers: [
    makeHistogramProvider({
      name: HTTP_DURATION,
      help: 'HTTP request latency by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
    HttpMetricsMiddleware,
  ],
  exports: [HttpMetricsMiddleware],
})
export class MetricsModule {}
