import { Autosave, AutosaveStatus } from './autosave';

class Refused extends Error {}

function harness(save: (value: number) => Promise<void>) {
  const statuses: AutosaveStatus['state'][] = [];
  const autosave = new Autosave<number>({
    save,
    isRetryable: (error) => !(error instanceof Refused),
    onStatus: (status) => statuses.push(status.state),
    debounceMs: 500,
    backoffMs: [1000, 3000],
    now: () => 0,
  });
  return { autosave, statuses };
}

async function settle(ms: number) {
  await jest.advanceTimersByTimeAsync(ms);
}

describe('Autosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('debounces edits and saves only the latest value', async () => {
    const saved: number[] = [];
    const { autosave, statuses } = harness(async (value) => void saved.push(value));
    autosave.change(1);
    await settle(300);
    autosave.change(2);
    autosave.change(3);
    await settle(499);
    expect(saved).toEqual([]);
    await settle(1);
    expect(saved).toEqual([3]);
    expect(statuses.at(-1)).toBe('saved');
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('never runs two saves at once, and sends what changed during a save afterwards', async () => {
    const saved: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const { autosave } = harness(async (value) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      saved.push(value);
      running -= 1;
    });
    autosave.change(1);
    await settle(600);
    autosave.change(2);
    await settle(200);
    autosave.change(3);
    await settle(5000);
    expect(saved).toEqual([1, 3]);
    expect(maxRunning).toBe(1);
  });

  it('retries a failed save with backoff, keeping the newest value', async () => {
    const attempts: number[] = [];
    let failures = 2;
    const { autosave, statuses } = harness(async (value) => {
      attempts.push(value);
      if (failures-- > 0) throw new Error('offline');
    });
    autosave.change(1);
    await settle(500);
    expect(statuses.at(-1)).toBe('retrying');
    autosave.change(2);
    await settle(500);
    expect(attempts).toEqual([1, 2]);
    await settle(1000);
    expect(attempts).toEqual([1, 2, 2]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('stops on a refusal and reports it, without retrying', async () => {
    const attempts: number[] = [];
    const { autosave, statuses } = harness(async (value) => {
      attempts.push(value);
      throw new Refused('conflict');
    });
    autosave.change(1);
    await settle(10_000);
    expect(attempts).toEqual([1]);
    expect(statuses.at(-1)).toBe('failed');
    autosave.change(2);
    await settle(10_000);
    expect(attempts).toEqual([1]);
  });

  it('flushes what is pending at once', async () => {
    const saved: number[] = [];
    const { autosave } = harness(async (value) => void saved.push(value));
    autosave.change(7);
    await autosave.flush();
    expect(saved).toEqual([7]);
    expect(autosave.hasUnsaved).toBe(false);
  });
});
