import type { NotificationList } from '@pairboard/contracts';
import { ContentService } from '../../src/core/content';
import { signUp, TestUser } from '../rooms/support/room-clients';
import { acceptInvitations } from '../support/accounts';
import { resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';
import { fullScores, rubricKeys } from '../scoring/scoring-fixtures';
import { SmtpInbox } from './support/smtp-inbox';

/** "You were added to an interview" and "your scorecard is ready", in the app and by email like the other notifications. */
describe('notifications of invitations to an interview and of a ready scorecard', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp({ SMTP_URL: await inbox.start() });
    await api.app.get(ContentService).seedBuiltIns();
  });
  afterAll(async () => {
    await api.close();
    await inbox.stop();
  });

  const auth = (user: TestUser) => `Bearer ${user.token}`;
  const notifications = async (user: TestUser) => (await api.http.get('/api/notifications').set('Authorization', auth(user)).expect(200)).body as NotificationList;
  const mailsAbout = (email: string, subject: string) => inbox.to(email).filter((mail) => mail.subject.includes(subject));

  it('tells each person invited at creation or added later, in the app when they have an account and by email in any case, once', async () => {
    const ada = await signUp(api, 'Ada');
    const bob = await signUp(api, 'Bob');
    const olga = await signUp(api, 'Olga');
    const stranger = uniqueEmail('stranger');
    const created = await api.http
      .post('/api/interviews')
      .set('Authorization', auth(ada))
      .send({ title: 'Design a chat service', invite: [{ email: bob.email, role: 'candidate' }, { email: stranger, role: 'observer' }] })
      .expect(201);
    const interviewId = created.body.id as string;
    await api.http.post(`/api/interviews/${interviewId}/participants`).set('Authorization', auth(ada)).send({ email: olga.email, role: 'observer' }).expect(201);

    for (const [user, role] of [
      [bob, 'candidate'],
      [olga, 'observer'],
    ] as const) {
      const added = (await notifications(user)).items.filter((item) => item.kind === 'interview.added');
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ title: 'Ada added you to "Design a chat service"', link: `/interviews/${interviewId}`, interviewId });
      expect(added[0].body).toContain(`as ${role}`);
    }
    expect((await notifications(ada)).items.filter((item) => item.kind === 'interview.added')).toHaveLength(0);

    await inbox.waitFor(() => [bob.email, olga.email, stranger].every((email) => mailsAbout(email, 'Ada added you').length === 1));
    const mail = mailsAbout(stranger, 'Ada added you')[0];
    expect(mail.text).toContain(`/interviews/${interviewId}`);
    expect(mailsAbout(ada.email, 'added you')).toHaveLength(0);
  });

  it('tells the candidate, in the app and by email, when the scorecard is submitted, and nobody before', async () => {
    const ada = await signUp(api, 'Ada');
    const bob = await signUp(api, 'Bob');
    const created = await api.http
      .post('/api/interviews')
      .set('Authorization', auth(ada))
      .send({ title: 'Design a feed', invite: [{ email: bob.email, role: 'candidate' }] })
      .expect(201);
    const interviewId = created.body.id as string;
    await acceptInvitations(api.http, interviewId, [bob.token]);
    const keys = await rubricKeys(api, auth(ada));
    await api.http.put(`/api/interviews/${interviewId}/scorecard`).set('Authorization', auth(ada)).send({ scores: fullScores(keys), recommendation: 'yes', feedback: 'Clear trade-offs.' }).expect(200);
    expect((await notifications(bob)).items.filter((item) => item.kind === 'scorecard.ready')).toHaveLength(0);

    await api.http.post(`/api/interviews/${interviewId}/scorecard/submit`).set('Authorization', auth(ada)).expect(200);

    const ready = (await notifications(bob)).items.filter((item) => item.kind === 'scorecard.ready');
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ title: 'Your scorecard for "Design a feed" is ready', link: `/interviews/${interviewId}/scorecard` });
    expect((await notifications(ada)).items.filter((item) => item.kind === 'scorecard.ready')).toHaveLength(0);
    await inbox.waitFor(() => mailsAbout(bob.email, 'Your scorecard for "Design a feed" is ready').length === 1);
    expect(mailsAbout(bob.email, 'Your scorecard')[0].text).toContain(`/interviews/${interviewId}/scorecard`);
  });
});
