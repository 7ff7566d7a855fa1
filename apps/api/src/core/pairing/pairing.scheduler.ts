import { Injectable, Logger } from '@nestjs/common';
import { jobId, JobsService } from '../../base/jobs';

/** Requests edited in quick succession are matched once, after the last change settles. */
export const MATCH_DEBOUNCE_MS = 2000;
/** How often the sweep runs; its job id is the period number, so instances agree on one job per period. */
export const SWEEP_PERIOD_MS = 5 * 60_000;
/** Scheduling waits this long for Redis; the sweep makes up for a job that was not scheduled. */
const SCHEDULE_TIMEOUT_MS = 2000;

/** Puts the matchmaker's jobs on the `pairing` queue. */
@Injectable()
export class PairingJobsScheduler {
  private readonly logger = new Logger('PairingJobs');

  constructor(private readonly jobs: JobsService) {}

  /**
   * One job per version of the request (the id holds its `updatedAt`), so an edit made while an
   * earlier job runs gets its own run, and creating the same version twice is one job.
   */
  async matchSoon(request: { id: string; updatedAt: Date }, now = Date.now()): Promise<void> {
    await this.withTimeout(
      this.jobs.ensureDelayed('pairing.match', { requestId: request.id }, {
        jobId: jobId('pairing.match', request.id, request.updatedAt.getTime()),
        runAt: now + MATCH_DEBOUNCE_MS,
      }),
      `match of request ${request.id}`,
    );
  }

  /** The sweep of the period after `now`. */
  async nextSweep(now = Date.now()): Promise<void> {
    const period = Math.floor(now / SWEEP_PERIOD_MS) + 1;
    await this.jobs.ensureDelayed('pairing.sweep', { period }, { jobId: jobId('pairing.sweep', period), runAt: period * SWEEP_PERIOD_MS });
  }

  private async withTimeout(work: Promise<void>, what: string): Promise<void> {
    const guarded = work.catch((error: unknown) => {
      this.logger.warn(`${what} not scheduled (the sweep will pick it up): ${error instanceof Error ? error.message : String(error)}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SCHEDULE_TIMEOUT_MS)));
    if ((await Promise.race([guarded, timedOut])) === 'timeout') this.logger.warn(`${what} is slow to schedule; the sweep will pick it up`);
    clearTimeout(timer);
  }
}
