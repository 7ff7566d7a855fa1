export { exitAfterShutdownDeadline } from './shutdown-deadline';
