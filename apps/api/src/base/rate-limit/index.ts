export { TokenBucket } from './token-bucket';
