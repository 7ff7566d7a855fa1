export * from './phase-clock';
export * from './clock-sync';
export * from './phase-chapters';
export * from './matchmaking';
