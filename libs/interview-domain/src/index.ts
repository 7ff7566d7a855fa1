export * from './phase-clock';
export * from './clock-sync';
export * from './phase-chapters';
export * from './progress';
export * from './session-lifecycle';
export * from './matchmaking';
export * from './review-access';
export * from './room-stays';
