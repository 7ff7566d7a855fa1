import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { usePasswordGuessCheck } from '@pairboard/contracts';
import { AppModule } from './app.module';
import { AppConfig, trustProxySetting } from './base/config';
import { HttpExceptionFilter } from './base/errors';
import { AppLogger } from './base/logging';
import { HttpMetricsMiddleware } from './base/metrics/metrics.module';
import { bodyErrorHandler, jsonBodyParser } from './base/http/body-parsing';
import { AppValidationPipe } from './base/validation';
import { isGuessablePassword } from './core/auth/password-guessing';


/** Builds the whole application (used by main.ts and by the integration tests, so both run the same stack). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  usePasswordGuessCheck(isGuessablePassword);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    // On close, connections still open after the shutdown hooks (keep-alive HTTP, room sockets
    // whose clients have not gone) are destroyed: clients reconnect to another instance, while
    // waiting for them would keep the process alive with nothing left to serve.
    forceCloseConnections: true,
  });
  app.useLogger(app.get(AppLogger));
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.disable('x-powered-by');
  const httpMetrics = app.get(HttpMetricsMiddleware);
  app.use(httpMetrics.use.bind(httpMetrics));

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Excalidraw and the OpenAPI UI set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // CSP3's 'self' admits ws:/wss: to this same host (/yjs, /socket.io) and nothing else.
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          // Self-hosted installs often run on plain http inside a network; upgrading would break them.
          upgradeInsecureRequests: null,
        },
      },
      // Sent below, only on https: over plain http it means nothing, and a plain-http install
      // reached by a name that later gets https must not be pinned by accident.
      strictTransportSecurity: false,
    }),
  );
  // req.secure: the connection's own TLS, or X-Forwarded-Proto from a proxy trusted by TRUST_PROXY.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // API answers are per user and short-lived: never let a browser or proxy cache them.
  app.use('/api', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(cookieParser());
  app.use(...jsonBodyParser(config.BODY_LIMIT_BYTES), bodyErrorHandler);

  const corsOrigins = config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (corsOrigins.length > 0) app.enableCors({ origin: corsOrigins, credentials: true });

  // The job dashboard lives outside /api so its cookie (path /admin) never travels with API calls.
  app.setGlobalPrefix('api', { exclude: ['metrics', 'admin/queues{/*path}'] });
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Pairboard API')
    .setDescription('REST interface of Pairboard. Errors always have the body { error: { code, message, details } }.')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('pb_refresh')
    .build();
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, openApi)), {
    jsonDocumentUrl: 'api/docs-json',
  });

  return app;
}
