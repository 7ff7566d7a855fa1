import { followedScroll } from './useFollowMode';

describe('follow mode', () => {
  const leader = { userId: 'u2', scrollX: -100, scrollY: 50, zoom: 2, width: 1000, height: 600 };

  it('keeps the scroll as it is on a board of the same size', () => {
    expect(followedScroll(leader, 1000, 600)).toEqual({ scrollX: -100, scrollY: 50 });
  });

  it('centres the same region on a board of another size', () => {
    // Leader's centre in scene coordinates: (1000 / 4 + 100, 600 / 4 - 50) = (350, 100).
    const { scrollX, scrollY } = followedScroll(leader, 600, 400);
    expect(600 / 4 - scrollX).toBe(350);
    expect(400 / 4 - scrollY).toBe(100);
  });

  it('takes the scroll as sent when the leader did not say their size', () => {
    expect(followedScroll({ userId: 'u2', scrollX: 5, scrollY: 6, zoom: 1 }, 800, 600)).toEqual({ scrollX: 5, scrollY: 6 });
  });
});
