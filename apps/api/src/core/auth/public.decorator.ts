import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Opts a route out of the global access-token guard (sign-in, health, metrics). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
