// Integration tests boot the real API and talk to PostgreSQL and Redis: allow more than Jest's 5 s.
jest.setTimeout(30_000);
