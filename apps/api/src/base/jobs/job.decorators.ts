import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayload } from './job-catalogue';

export const JOB_HANDLER = 'pairboard:job-handler';
export const JOB_RECONCILER = 'pairboard:job-reconciler';

export interface JobContext {
  jobId: string;
  attemptsMade: number;
  /** Puts the job back to run at `timestamp` (it ran too early); ends this run. */
  delayUntil(timestamp: number): Promise<never>;
}

export type JobHandlerFunction<N extends JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<unknown>;

/** Marks the provider method that runs jobs of this name; found at start-up. */
export function JobHandler<N extends JobName>(name: N) {
  return <T extends JobHandlerFunction<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>) => {
    SetMetadata(JOB_HANDLER, name)(target, key, descriptor);
  };
}

/**
 * Marks a provider method that re-creates, from PostgreSQL, every delayed job that should exist
 * (idempotent: job ids are deterministic). Runs at boot and periodically.
 */
export function JobReconciler() {
  return <T extends () => Promise<unknown>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>) => {
    SetMetadata(JOB_RECONCILER, true)(target, key, descriptor);
  };
}
