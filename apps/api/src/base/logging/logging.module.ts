import { randomUUID } from 'node:crypto';
import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { APP_CONFIG, AppConfig } from '../config';
import { AppLogger } from './app-logger';

const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID_PATTERN = /^[\w.-]{1,64}$/;

/**
 * Structured JSON logs; every request line carries a request id, echoed back in X-Request-Id.
 * Lines go to standard output synchronously, as console.log writes there: whatever is printed after
 * them (the address at start-up, the reason for exiting) comes after them, and a process that exits
 * does not lose lines it has already logged.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: [
          {
            level: config.LOG_LEVEL,
            genReqId: (request, response) => {
              const incoming = request.headers[REQUEST_ID_HEADER];
              const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            autoLogging: { ignore: (request) => request.url === '/api/health' || request.url === '/metrics' },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          },
          pino.destination({ dest: 1, sync: true }),
        ],
      }),
    }),
  ],
  providers: [AppLogger],
  exports: [AppLogger],
})
export class LoggingModule {}
