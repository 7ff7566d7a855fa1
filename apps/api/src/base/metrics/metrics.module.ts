import { createServer, Server } from 'node:http';
import { Controller, Get, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectMetric, makeHistogramProvider, PrometheusController, PrometheusModule } from '@willsoto/nestjs-prometheus';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, register } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config';
import { AppError } from '../errors';
import { Public } from '../http/public.decorator';
import { metricsAccess } from './metrics-access';

const HTTP_DURATION = 'http_request_duration_seconds';

@ApiExcludeController()
@Controller()
class MetricsController extends PrometheusController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  // Public to the JWT guard; access is decided here (token, local request, or not at all).
  @Public()
  @Get()
  override async index(@Res({ passthrough: true }) response: Response, @Req() request?: Request) {
    const access = metricsAccess(request as Request, this.config);
    if (access === 'unauthorized') throw new AppError('UNAUTHORIZED', 'A metrics token is required.', undefined, { 'WWW-Authenticate': 'Bearer' });
    if (access === 'hidden') throw new AppError('NOT_FOUND');
    return super.index(response);
  }
}

/** `METRICS_PORT`: the metrics alone on an internal port (not published by nginx or compose). */
@Injectable()
class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.METRICS_PORT;
    if (!port) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      register.metrics().then(
        (text) => response.writeHead(200, { 'Content-Type': register.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, this.config.HOST, resolve));
    this.server = server;
    this.logger.log(`metrics on port ${port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
    MetricsListener,
  ],
  exports: [HttpMetricsMiddleware],
})
export class MetricsModule {}
