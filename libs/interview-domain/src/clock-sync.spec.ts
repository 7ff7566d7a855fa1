import fc from 'fast-check';
import { ClockSync, connectionQuality, estimateClockOffset, offsetFromSample, TimeSyncSample } from './clock-sync';

/** A round trip with a client clock `offset` behind the server's and the given one-way delays. */
function sample(sentAt: number, offset: number, up: number, down: number): TimeSyncSample {
  return { clientSentAt: sentAt, serverTime: sentAt + up + offset, clientReceivedAt: sentAt + up + down };
}

describe('clock offset', () => {
  it('is exact when both directions take the same time', () => {
    expect(offsetFromSample(sample(1000, 5000, 40, 40))).toEqual({ offsetMs: 5000, rttMs: 80 });
  });

  it('picks the sample with the shortest round trip', () => {
    const samples = [sample(0, -300, 200, 20), sample(1000, -300, 10, 12), sample(2000, -300, 5, 400)];
    expect(estimateClockOffset(samples)).toEqual({ offsetMs: -301, rttMs: 22 });
    expect(estimateClockOffset([])).toBeNull();
  });

  it('ignores a sample whose client clock jumped backwards', () => {
    expect(estimateClockOffset([{ clientSentAt: 100, serverTime: 50, clientReceivedAt: 90 }])).toBeNull();
  });

  it('errs by at most half the chosen round trip, whatever the delays', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 })), { minLength: 1, maxLength: 10 }),
        (offset, delays) => {
          const samples = delays.map(([up, down], i) => sample(1_700_000_000_000 + i * 5000, offset, up, down));
          const estimate = estimateClockOffset(samples);
          if (!estimate) throw new Error('expected an estimate');
          expect(Math.abs(estimate.offsetMs - offset)).toBeLessThanOrEqual(estimate.rttMs / 2);
          expect(estimate.rttMs).toBe(Math.min(...delays.map(([up, down]) => up + down)));
        },
      ),
    );
  });

  it('keeps a sliding window of samples', () => {
    const sync = new ClockSync(2);
    expect(sync.serverNow(10)).toBe(10);
    sync.add(sample(0, 100, 1, 1));
    sync.add(sample(10, 200, 50, 50));
    expect(sync.estimate()).toEqual({ offsetMs: 100, rttMs: 2 });
    sync.add(sample(20, 300, 30, 30));
    expect(sync.estimate()).toEqual({ offsetMs: 300, rttMs: 60 });
    expect(sync.serverNow(1000)).toBe(1300);
    expect(sync.lastRttMs()).toBe(60);
  });

  it('grades connection quality by round trip', () => {
    expect([null, 20, 149, 150, 399, 400, 5000].map(connectionQuality)).toEqual(['unknown', 'good', 'good', 'fair', 'fair', 'poor', 'poor']);
  });
});
