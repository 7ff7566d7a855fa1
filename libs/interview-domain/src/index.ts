export * from './phase-clock';
export * from './clock-sync';
