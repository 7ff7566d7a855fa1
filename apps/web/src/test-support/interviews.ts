import type { Interview, Participant } from '@pairboard/contracts';
import { testUser } from './fake-server';

let counter = 0;

export const me: Participant = { userId: testUser.id, email: testUser.email, name: testUser.name, role: 'interviewer', status: 'active' };

export function participant(fields: Partial<Participant> & { email: string }): Participant {
  return { userId: `u-${fields.email}`, name: null, role: 'candidate', status: 'active', ...fields };
}

/** An interview as the API returns it, seen by the test user (an interviewer unless said otherwise). */
export function interviewFixture(fields: Partial<Interview> = {}): Interview {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    title: `Interview ${counter}`,
    status: 'scheduled',
    scheduledAt: null,
    startedAt: null,
    endedAt: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    question: null,
    script: null,
    myRole: 'interviewer',
    participants: [me, participant({ email: 'grace@example.com', name: 'Grace Hopper' })],
    ...fields,
  };
}
