// Integration tests run against their own database and Redis logical database, never the product's.
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/pairboard_test';
process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/2';
process.env.JWT_SECRET = 'integration-test-secret-that-is-long-enough-0123456789';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.WEB_DIST = '/nonexistent';
// Suites register and invite many people from one address; the limits have their own tests (low values).
process.env.REGISTRATIONS_PER_IP_PER_HOUR ??= '100000';
process.env.INVITATIONS_PER_USER_PER_HOUR ??= '100000';
