import { isKnownTimeZone } from '@pairboard/contracts';

/** The zone this browser runs in ('Europe/Berlin'); null when it does not say or names one we cannot use. */
export function browserTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownTimeZone(zone) ? zone : null;
}

/** Every zone the browser knows, for a picker; always includes `current`. */
export function knownTimeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}
