import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/**
 * Opts a route out of the global access-token guard (sign-in, health, metrics, shared replays). It is
 * infrastructure rather than part of auth because base routes need it and base depends on no capability.
 */
export const Public = () => SetMetadata(IS_PUBLIC, true);
