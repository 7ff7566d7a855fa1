export { AppLogger } from './app-logger';
export { LoggingModule } from './logging.module';
