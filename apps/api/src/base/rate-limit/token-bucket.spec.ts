import fc from 'fast-check';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, refuses the rest, and refills over time', () => {
    const bucket = new TokenBucket(5, 1, 0);
    const results = Array.from({ length: 8 }, () => bucket.take(0));
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    expect(bucket.retryAfterMs(0)).toBe(1000);
    expect(bucket.take(999)).toBe(false);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(60_000)).toBe(true);
  });

  it('never admits more than capacity + rate × time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }),
        (capacity, rate, gaps) => {
          const bucket = new TokenBucket(capacity, rate, 0);
          let now = 0;
          let admitted = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.take(now)) admitted += 1;
          }
          expect(admitted).toBeLessThanOrEqual(capacity + Math.floor((now / 1000) * rate));
        },
      ),
    );
  });
});
