import { Logger } from '@nestjs/common';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Graceful shutdown (stored board updates, finished jobs, closed sockets) must not become no
 * shutdown: once a stop signal arrives, the process exits after `seconds` even if a close hook is
 * still waiting (an unanswered socket, a job that never ends), so a deploy or a restart cannot hang.
 */
export function exitAfterShutdownDeadline(seconds: number, exit: (code: number) => void = (code) => process.exit(code)): void {
  const logger = new Logger('Shutdown');
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      const timer = setTimeout(() => {
        logger.error(`still shutting down ${seconds} s after ${signal}; exiting now`);
        exit(1);
      }, seconds * 1000);
      timer.unref();
    });
  }
}
