import type { FrameworkScript } from '../schema';
import { EXTENDED_60 } from './extended-60';
import { ROLE_SWAP_80 } from './role-swap';
import { STANDARD_45 } from './standard-45';

export { PHASE_GUIDES } from './phase-guides';
export { EXTENDED_60, ROLE_SWAP_80, STANDARD_45 };

export const FRAMEWORK_SCRIPTS: readonly FrameworkScript[] = [STANDARD_45, EXTENDED_60, ROLE_SWAP_80];

/** The script marked `isDefault`. */
export const DEFAULT_SCRIPT: FrameworkScript = STANDARD_45;
