import type { ConnectionQuality } from '@pairboard/contracts';

/** One `time:sync` round trip: the client's clock when it sent and received, the server's in between. */
export interface TimeSyncSample {
  clientSentAt: number;
  serverTime: number;
  clientReceivedAt: number;
}

export interface ClockOffset {
  /** Add to the local clock to get the server's. */
  offsetMs: number;
  rttMs: number;
}

/** NTP's assumption: the reply was stamped half-way through the round trip. */
export function offsetFromSample(sample: TimeSyncSample): ClockOffset {
  const rttMs = Math.max(0, sample.clientReceivedAt - sample.clientSentAt);
  return { offsetMs: sample.serverTime - (sample.clientSentAt + sample.clientReceivedAt) / 2, rttMs };
}

/**
 * The sample with the shortest round trip spent the least time queued, so its midpoint guess is the
 * tightest: its error is at most half its round trip.
 */
export function estimateClockOffset(samples: readonly TimeSyncSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const sample of samples) {
    if (!(sample.clientReceivedAt >= sample.clientSentAt)) continue;
    const candidate = offsetFromSample(sample);
    if (best === null || candidate.rttMs < best.rttMs) best = candidate;
  }
  return best;
}

/**
 * Keeps the latest samples (a network path changes over a session) and answers with the best of
 * them. A client sends a few `time:sync` in a row on connect, then one now and then.
 */
export class ClockSync {
  private readonly samples: TimeSyncSample[] = [];

  constructor(private readonly window = 8) {}

  add(sample: TimeSyncSample): ClockOffset | null {
    this.samples.push(sample);
    if (this.samples.length > this.window) this.samples.shift();
    return this.estimate();
  }

  estimate(): ClockOffset | null {
    return estimateClockOffset(this.samples);
  }

  /** The server's clock now, or the local clock until a sample arrived. */
  serverNow(localNow: number): number {
    return localNow + (this.estimate()?.offsetMs ?? 0);
  }

  /** The last measured round trip, reported to the server as connection quality. */
  lastRttMs(): number | null {
    const last = this.samples[this.samples.length - 1];
    return last ? offsetFromSample(last).rttMs : null;
  }
}

export const CONNECTION_QUALITY_RTT_MS = { good: 150, fair: 400 } as const;

export function connectionQuality(rttMs: number | null): ConnectionQuality {
  if (rttMs === null) return 'unknown';
  if (rttMs < CONNECTION_QUALITY_RTT_MS.good) return 'good';
  if (rttMs < CONNECTION_QUALITY_RTT_MS.fair) return 'fair';
  return 'poor';
}
