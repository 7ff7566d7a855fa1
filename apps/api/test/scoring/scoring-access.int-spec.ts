import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { castInterview, Cast, fullScores, rubricKeys, seedContent, startInterview } from './scoring-fixtures';

type Role = 'interviewer' | 'candidate' | 'observer' | 'outsider';
type State = 'draft' | 'submitted';

interface Route {
  name: string;
  call: (api: TestApp, cast: Cast, auth: string, keys: string[]) => Promise<{ status: number }>;
  /** Expected status per state and role. */
  expect: Record<State, Record<Role, number>>;
}

const same = (statuses: Record<Role, number>) => ({ draft: statuses, submitted: statuses });

/**
 * Every scoring and feedback route × role × scorecard state, against the real API. Write routes
 * that change the state are called on a fresh interview per cell, so one cell cannot affect another.
 */
const ROUTES: Route[] = [
  {
    name: 'GET scorecard',
    call: (api, cast, auth) => api.http.get(`/api/interviews/${cast.interviewId}/scorecard`).set('Authorization', auth),
    expect: {
      draft: { interviewer: 200, candidate: 404, observer: 404, outsider: 404 },
      submitted: { interviewer: 200, candidate: 200, observer: 404, outsider: 404 },
    },
  },
  {
    name: 'PUT scorecard',
    call: (api, cast, auth, keys) =>
      api.http.put(`/api/interviews/${cast.interviewId}/scorecard`).set('Authorization', auth).send({ scores: fullScores(keys, 2) }),
    expect: {
      draft: { interviewer: 200, candidate: 403, observer: 404, outsider: 404 },
      submitted: { interviewer: 409, candidate: 403, observer: 404, outsider: 404 },
    },
  },
  {
    name: 'POST scorecard/submit',
    call: (api, cast, auth) => api.http.post(`/api/interviews/${cast.interviewId}/scorecard/submit`).set('Authorization', auth),
    expect: {
      draft: { interviewer: 200, candidate: 403, observer: 404, outsider: 404 },
      submitted: { interviewer: 409, candidate: 403, observer: 404, outsider: 404 },
    },
  },
  {
    name: 'POST scorecard/reopen',
    call: (api, cast, auth) => api.http.post(`/api/interviews/${cast.interviewId}/scorecard/reopen`).set('Authorization', auth),
    expect: {
      draft: { interviewer: 409, candidate: 403, observer: 404, outsider: 404 },
      submitted: { interviewer: 200, candidate: 403, observer: 404, outsider: 404 },
    },
  },
  {
    name: 'GET scorecard/events',
    call: (api, cast, auth) => api.http.get(`/api/interviews/${cast.interviewId}/scorecard/events`).set('Authorization', auth),
    expect: same({ interviewer: 200, candidate: 403, observer: 404, outsider: 404 }),
  },
  {
    name: 'GET feedback',
    call: (api, cast, auth) => api.http.get(`/api/interviews/${cast.interviewId}/feedback`).set('Authorization', auth),
    expect: same({ interviewer: 200, candidate: 200, observer: 404, outsider: 404 }),
  },
  {
    name: 'PUT feedback',
    call: (api, cast, auth) =>
      api.http.put(`/api/interviews/${cast.interviewId}/feedback`).set('Authorization', auth).send({ preparedness: 4, hintClarity: 3, helpfulness: 5 }),
    expect: same({ interviewer: 403, candidate: 200, observer: 404, outsider: 404 }),
  },
];

describe('scoring access matrix', () => {
  let api: TestApp;
  let keys: string[];

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await seedContent(api);
  });
  afterAll(() => api.close());

  async function interviewIn(state: State): Promise<Cast> {
    const cast = await castInterview(api);
    keys ??= await rubricKeys(api, cast.interviewer.auth);
    await startInterview(api, cast.interviewId);
    const path = `/api/interviews/${cast.interviewId}/scorecard`;
    await api.http.put(path).set('Authorization', cast.interviewer.auth).send({ scores: fullScores(keys), recommendation: 'yes' }).expect(200);
    if (state === 'submitted') await api.http.post(`${path}/submit`).set('Authorization', cast.interviewer.auth).expect(200);
    return cast;
  }

  const cells = ROUTES.flatMap((route) =>
    (['draft', 'submitted'] as const).flatMap((state) =>
      (['interviewer', 'candidate', 'observer', 'outsider'] as const).map((role) => [route.name, state, role, route.expect[state][role], route] as const),
    ),
  );

  it.each(cells)('%s, scorecard %s, as %s → %i', async (_name, state, role, expected, route) => {
    const cast = await interviewIn(state);
    const response = await route.call(api, cast, cast[role].auth, keys);
    expect(response.status).toBe(expected);
  });

  it('answers 404 for an interview id that does not exist or is malformed, to everyone', async () => {
    const cast = await interviewIn('submitted');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      for (const route of ROUTES) {
        const response = await route.call(api, { ...cast, interviewId: id }, cast.interviewer.auth, keys);
        expect({ route: route.name, id, status: response.status }).toEqual({ route: route.name, id, status: 404 });
      }
    }
  });

  it('requires a signed-in caller', async () => {
    const cast = await interviewIn('draft');
    for (const route of ROUTES) {
      const response = await route.call(api, cast, 'Bearer nope', keys);
      expect({ route: route.name, status: response.status }).toEqual({ route: route.name, status: 401 });
    }
  });
});
