import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

/**
 * Contexts of Nest's own start-up messages: one line per module initialised, per controller and per
 * route mapped, well over a hundred in all.
 */
export const NEST_STARTUP_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

/**
 * The application's logger: nestjs-pino's, except that Nest's start-up messages are logged at debug,
 * so that at the default level a start prints only what someone needs to read (LOG_LEVEL=debug
 * still shows them).
 */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && NEST_STARTUP_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
