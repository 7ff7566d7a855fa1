export * from './errors';
export * from './auth';
export * from './health';
export * from './interviews';
export * from './board';
export * from './content';
export * from './rooms';
export * from './replay';
