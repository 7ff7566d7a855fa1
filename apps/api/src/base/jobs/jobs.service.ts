import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import { DelayedError, Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Counter } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config';
import { JOB_NAMES, JOB_QUEUES, JobName, JobPayload, JOBS, queueOf } from './job-catalogue';
import { JOB_HANDLER, JOB_RECONCILER, JobContext } from './job.decorators';

export const JOBS_PROCESSED = 'jobs_processed_total';
const KEY_PREFIX = 'pairboard';
/** Completed jobs are dropped so a deterministic id can be scheduled again; failures stay a week for inspection. */
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 1000 };
/** A delayed job whose due time is off by more than this is moved to the right time by `ensureDelayed`. */
const DUE_TIME_SLACK_MS = 1000;
const BOOT_RECONCILE_TIMEOUT_MS = 5000;
const WARNING_INTERVAL_MS = 60_000;

type BoundHandler = (payload: unknown, context: JobContext) => Promise<unknown>;

/** Which job names lack a handler or have several; the API must not start with either. */
export function handlerProblems(found: readonly string[], expected: readonly string[] = JOB_NAMES): string[] {
  const problems = expected.filter((name) => !found.includes(name)).map((name) => `job "${name}" has no @JobHandler`);
  const seen = new Set<string>();
  for (const name of found) {
    if (!expected.includes(name)) problems.push(`@JobHandler("${name}") names no job in the catalogue`);
    else if (seen.has(name)) problems.push(`job "${name}" has more than one @JobHandler`);
    seen.add(name);
  }
  return problems;
}

/**
 * BullMQ on Redis: one queue per namespace, handlers found by decorator, workers inside this process
 * unless JOBS_WORKER=false. Its Redis connections are its own (BullMQ needs maxRetriesPerRequest:
 * null, the app's client fails fast) and are all closed on shutdown.
 */
@Injectable()
export class JobsService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly connection: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly handlers = new Map<string, BoundHandler>();
  private readonly reconcilers: { name: string; run: () => Promise<unknown> }[] = [];
  private workerConnection: Redis | null = null;
  private workers: Worker[] = [];
  private reconcileTimer: NodeJS.Timeout | null = null;
  private reconciling: Promise<void> | null = null;
  private readonly lastWarnings = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @InjectMetric(JOBS_PROCESSED) private readonly processed: Counter<string>,
  ) {
    this.connection = this.redis('producer');
    for (const name of JOB_QUEUES) {
      const queue = new Queue(name, { connection: this.connection, prefix: KEY_PREFIX });
      queue.on('error', (error) => this.warnNowAndThen(`queue-${name}`, `queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
  }

  onModuleInit(): void {
    this.discoverHandlers();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.JOBS_WORKER) this.startWorkers();
    // Boot goes on if Redis is slow: the periodic run catches up.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.reconcile(), new Promise((resolve) => (timer = setTimeout(resolve, BOOT_RECONCILE_TIMEOUT_MS)))]);
    clearTimeout(timer);
    const interval = this.config.JOBS_RECONCILE_INTERVAL_SECONDS;
    if (interval > 0) {
      this.reconcileTimer = setInterval(() => void this.reconcile(), interval * 1000);
      this.reconcileTimer.unref();
    }
  }

  /**
   * Workers first (they finish the job in hand), then queues, then the connections they shared.
   * With Redis away nothing waits for it: a graceful close would wait forever, and a connection
   * left reconnecting keeps the process alive.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    const force = this.workerConnection?.status !== 'ready';
    await Promise.allSettled(this.workers.map((worker) => worker.close(force)));
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    await Promise.allSettled([this.connection, this.workerConnection].map((redis) => redis && closeRedis(redis)));
    this.workers = [];
  }

  /**
   * Makes sure one job with this id is waiting to run at `runAt`: adds it, moves it if its due time
   * changed, or replaces it if it had failed for good. Safe to call from several instances at once.
   */
  async ensureDelayed<N extends JobName>(name: N, payload: JobPayload<N>, options: { jobId: string; runAt: number }): Promise<void> {
    const queue = this.queueFor(name);
    const delay = Math.max(0, options.runAt - Date.now());
    const existing = await queue.getJob(options.jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed') {
        if (Math.abs(existing.timestamp + existing.delay - options.runAt) > DUE_TIME_SLACK_MS) {
          await existing.changeDelay(delay).catch(() => undefined);
        }
        return;
      }
      if (state !== 'failed' && state !== 'completed') return;
      await existing.remove().catch(() => undefined);
    }
    await queue.add(name, payload, {
      jobId: options.jobId,
      delay,
      attempts: JOBS[name].attempts,
      backoff: { type: 'exponential', delay: JOBS[name].backoffMs },
      removeOnComplete: true,
      removeOnFail: KEEP_FAILED,
    });
  }

  /** Drops a job that is no longer wanted; one already running finishes (handlers re-check their rows). */
  async remove(name: JobName, jobId: string): Promise<void> {
    await this.queueFor(name).remove(jobId);
  }

  /** Every queue, for the admin dashboard. */
  allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  /** Dead letters: jobs that failed every attempt (kept a week), newest first. */
  async failedJobs(limit = 100): Promise<{ id: string; name: string; queue: string; data: unknown; attemptsMade: number; failedReason: string; failedAt: string | null }[]> {
    const jobs = (await Promise.all([...this.queues.values()].map((queue) => queue.getFailed(0, limit - 1)))).flat();
    return jobs
      .filter((job): job is Job => Boolean(job))
      .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))
      .slice(0, limit)
      .map((job) => ({
        id: job.id ?? '',
        name: job.name,
        queue: job.queueName,
        data: job.data as unknown,
        attemptsMade: job.attemptsMade,
        failedReason: job.failedReason ?? '',
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      }));
  }

  /** Runs every reconciler once; overlapping calls share the run in progress. */
  reconcile(): Promise<void> {
    this.reconciling ??= this.runReconcilers().finally(() => (this.reconciling = null));
    return this.reconciling;
  }

  private async runReconcilers(): Promise<void> {
    for (const reconciler of this.reconcilers) {
      try {
        await reconciler.run();
      } catch (error) {
        this.logger.error(`reconciler ${reconciler.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private queueFor(name: JobName): Queue {
    const queue = this.queues.get(queueOf(name));
    if (!queue) throw new Error(`no queue for job ${name}`);
    return queue;
  }

  private discoverHandlers(): void {
    const found: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const target = instance[method];
        if (typeof target !== 'function') continue;
        const name = this.reflector.get<string | undefined>(JOB_HANDLER, target);
        if (name) {
          found.push(name);
          this.handlers.set(name, (target as BoundHandler).bind(instance));
        }
        if (this.reflector.get<boolean | undefined>(JOB_RECONCILER, target)) {
          this.reconcilers.push({ name: `${wrapper.name}.${method}`, run: (target as () => Promise<unknown>).bind(instance) });
        }
      }
    }
    const problems = handlerProblems(found);
    if (problems.length > 0) throw new Error(`Job handlers are incomplete:\n  - ${problems.join('\n  - ')}`);
  }

  private startWorkers(): void {
    this.workerConnection = this.redis('worker');
    for (const name of JOB_QUEUES) {
      const worker = new Worker(name, (job, token) => this.process(job, token), {
        connection: this.workerConnection,
        prefix: KEY_PREFIX,
        concurrency: this.config.JOBS_CONCURRENCY,
      });
      worker.on('error', (error) => this.warnNowAndThen(`worker-${name}`, `worker ${name}: ${error.message}`));
      worker.on('failed', (job, error) => {
        if (job) this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${error.message}`);
      });
      this.workers.push(worker);
    }
  }

  private async process(job: Job, token: string | undefined): Promise<void> {
    const handler = this.handlers.get(job.name);
    const definition = (JOBS as Record<string, (typeof JOBS)[JobName] | undefined>)[job.name];
    if (!handler || !definition) {
      this.processed.inc({ name: 'unknown', outcome: 'unrecoverable' });
      throw new UnrecoverableError(`no handler for job ${job.name}`);
    }
    const payload = definition.payload.safeParse(job.data);
    if (!payload.success) {
      this.processed.inc({ name: job.name, outcome: 'unrecoverable' });
      throw new UnrecoverableError(`job ${job.name} ${job.id} has an invalid payload`);
    }
    const context: JobContext = {
      jobId: job.id ?? '',
      attemptsMade: job.attemptsMade,
      delayUntil: async (timestamp) => {
        await job.moveToDelayed(timestamp, token);
        throw new DelayedError();
      },
    };
    try {
      await handler(payload.data, context);
      this.processed.inc({ name: job.name, outcome: 'completed' });
    } catch (error) {
      this.processed.inc({ name: job.name, outcome: error instanceof DelayedError ? 'delayed' : 'failed' });
      throw error;
    }
  }

  private redis(role: 'producer' | 'worker'): Redis {
    const redis = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null, connectionName: `pairboard-jobs-${role}` });
    redis.on('error', (error) => this.warnNowAndThen(`redis-${role}`, `redis (${role}): ${error.message}`));
    return redis;
  }

  /** While Redis is away every retry fails; once a minute per source is enough to tell. */
  private warnNowAndThen(source: string, message: string): void {
    const now = Date.now();
    if (now - (this.lastWarnings.get(source) ?? 0) < WARNING_INTERVAL_MS) return;
    this.lastWarnings.set(source, now);
    this.logger.warn(message);
  }
}

async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => undefined);
  redis.disconnect();
}
