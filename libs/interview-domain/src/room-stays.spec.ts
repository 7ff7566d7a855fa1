import { presenceSpans, RECONNECT_GAP_MS } from './room-stays';

describe('presenceSpans', () => {
  it('is one span per uninterrupted presence, open while the person is still in', () => {
    expect(
      presenceSpans([
        { userId: 'ada', joinedAt: 0, leftAt: 60_000 },
        { userId: 'ada', joinedAt: 120_000, leftAt: null },
        { userId: 'grace', joinedAt: 1_000, leftAt: 90_000 },
      ]),
    ).toEqual([
      { userId: 'ada', from: 0, to: 60_000 },
      { userId: 'grace', from: 1_000, to: 90_000 },
      { userId: 'ada', from: 120_000, to: null },
    ]);
  });

  it('merges a second tab and a quick reconnect into the same presence', () => {
    expect(
      presenceSpans([
        { userId: 'ada', joinedAt: 0, leftAt: 50_000 },
        { userId: 'ada', joinedAt: 10_000, leftAt: 30_000 },
        { userId: 'ada', joinedAt: 50_000 + RECONNECT_GAP_MS - 1, leftAt: 80_000 },
      ]),
    ).toEqual([{ userId: 'ada', from: 0, to: 80_000 }]);
  });

  it('keeps a presence open when any overlapping stay is still open', () => {
    expect(
      presenceSpans([
        { userId: 'ada', joinedAt: 0, leftAt: null },
        { userId: 'ada', joinedAt: 5_000, leftAt: 10_000 },
      ]),
    ).toEqual([{ userId: 'ada', from: 0, to: null }]);
  });
});
