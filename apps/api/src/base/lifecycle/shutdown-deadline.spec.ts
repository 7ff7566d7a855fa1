import { exitAfterShutdownDeadline } from './shutdown-deadline';

describe('exitAfterShutdownDeadline', () => {
  const before = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };

  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.useRealTimers();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      for (const listener of process.listeners(signal)) if (!before[signal].includes(listener)) process.off(signal, listener);
    }
  });

  it('does nothing until a stop signal arrives', () => {
    const exit = jest.fn();
    exitAfterShutdownDeadline(5, exit);
    jest.advanceTimersByTime(60_000);
    expect(exit).not.toHaveBeenCalled();
  });

  it('exits with a failure code once the deadline after SIGTERM passes', () => {
    const exit = jest.fn();
    exitAfterShutdownDeadline(5, exit);
    process.emit('SIGTERM');
    jest.advanceTimersByTime(4_999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('counts from SIGINT as well, and only once per signal', () => {
    const exit = jest.fn();
    exitAfterShutdownDeadline(2, exit);
    process.emit('SIGINT');
    process.emit('SIGINT');
    jest.advanceTimersByTime(2_000);
    expect(exit).toHaveBeenCalledTimes(1);
  });
});
