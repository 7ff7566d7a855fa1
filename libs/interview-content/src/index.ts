export * from './schema';
export { DEFAULT_RUBRIC } from './rubric';
export { DEFAULT_SCRIPT, EXTENDED_60, FRAMEWORK_SCRIPTS, PHASE_GUIDES, ROLE_SWAP_80, STANDARD_45 } from './scripts';
export { QUESTIONS } from './questions';
