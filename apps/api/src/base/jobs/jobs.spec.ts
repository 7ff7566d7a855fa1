import { JOB_NAMES, JOB_QUEUES, jobId, queueOf } from './job-catalogue';
import { handlerProblems } from './jobs.service';

describe('job catalogue', () => {
  it('puts each job in the queue of its namespace', () => {
    expect(queueOf('rooms.autoAdvance')).toBe('rooms');
    expect(queueOf('pairing.match')).toBe('pairing');
    expect(queueOf('replay.indexBoard')).toBe('replay');
    expect(JOB_QUEUES).toEqual([...new Set(JOB_NAMES.map((name) => name.split('.')[0]))]);
    expect(JOB_QUEUES).toEqual(expect.arrayContaining(['rooms', 'notifications', 'pairing', 'replay']));
    expect(JOB_NAMES.every((name) => /^[a-z]+\.[a-zA-Z]+$/.test(name))).toBe(true);
  });

  it('builds deterministic ids BullMQ accepts', () => {
    const id = jobId('rooms.autoAdvance', '6f1c7c1e-6c55-4bd4-9a0e-8f0d2f9b8d11', 2, 7);
    expect(id).toBe('rooms.autoAdvance_6f1c7c1e-6c55-4bd4-9a0e-8f0d2f9b8d11_2_7');
    expect(jobId('rooms.autoAdvance', 'x', 2, 7)).toBe(jobId('rooms.autoAdvance', 'x', 2, 7));
    expect(() => jobId('rooms.autoAdvance', 'a:b')).toThrow(/cannot contain/);
  });

  it('refuses to start when a job has no handler, two handlers, or a handler names no job', () => {
    expect(handlerProblems(JOB_NAMES)).toEqual([]);
    // The rules, against a catalogue of one job:
    const one = ['rooms.autoAdvance'];
    expect(handlerProblems(['rooms.autoAdvance'], one)).toEqual([]);
    expect(handlerProblems([], one)).toEqual(['job "rooms.autoAdvance" has no @JobHandler']);
    expect(handlerProblems(['rooms.autoAdvance', 'rooms.autoAdvance'], one)).toEqual(['job "rooms.autoAdvance" has more than one @JobHandler']);
    expect(handlerProblems(['rooms.autoAdvance', 'rooms.typo'], one)).toEqual(['@JobHandler("rooms.typo") names no job in the catalogue']);
  });
});
