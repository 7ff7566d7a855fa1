import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { acceptInvitations, markEmailVerified } from '../support/accounts';
import { TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

export interface Person {
  id: string;
  email: string;
  auth: string;
}

export async function signUp(api: TestApp, name: string): Promise<Person> {
  const email = uniqueEmail(name.toLowerCase());
  const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
  await markEmailVerified(response.body.user.id);
  return { id: response.body.user.id, email, auth: `Bearer ${response.body.accessToken}` };
}

export interface Cast {
  interviewId: string;
  interviewer: Person;
  candidate: Person;
  observer: Person;
  outsider: Person;
}

/** An interview with one person in each role and someone who is not part of it. */
export async function castInterview(api: TestApp, options: { questionId?: string } = {}): Promise<Cast> {
  const [interviewer, candidate, observer, outsider] = await Promise.all(
    ['Ivy', 'Cody', 'Olive', 'Otto'].map((name) => signUp(api, name)),
  );
  const created = await api.http
    .post('/api/interviews')
    .set('Authorization', interviewer.auth)
    .send({
      ...options,
      invite: [
        { email: candidate.email, role: 'candidate' },
        { email: observer.email, role: 'observer' },
      ],
    })
    .expect(201);
  await acceptInvitations(api.http, created.body.id, [candidate.auth, observer.auth]);
  return { interviewId: created.body.id, interviewer, candidate, observer, outsider };
}

export async function seedContent(api: TestApp): Promise<void> {
  await api.app.get(ContentService).seedBuiltIns();
}

/** Marks the interview as started now (what the room's clock does on "start"). */
export async function startInterview(api: TestApp, interviewId: string): Promise<void> {
  const now = new Date();
  await api.app.get(PrismaService).interview.update({ where: { id: interviewId }, data: { status: 'live', startedAt: now, phaseStartedAt: now } });
}

export async function rubricKeys(api: TestApp, auth: string): Promise<string[]> {
  const rubric = await api.http.get('/api/rubrics/default').set('Authorization', auth).expect(200);
  return rubric.body.dimensions.map((dimension: { key: string }) => dimension.key);
}

export function fullScores(keys: string[], score = 3): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, score]));
}
