export * from './job-catalogue';
export * from './job.decorators';
export * from './jobs.module';
export * from './jobs.service';
