// Checks that PostgreSQL and Redis answer, and says exactly how to start the one that does not.
const { Client } = require('pg');
const Redis = require('ioredis');

const databaseUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/pairboard';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const HOW_TO_START = {
  PostgreSQL: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  Redis:
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
};

async function checkPostgres() {
  // Connect to the maintenance database: the product's own database may not exist yet.
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis() {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // ioredis reports only "Connection is closed" from connect(); the socket error says why.
  let cause;
  redis.on('error', (error) => (cause = cause ?? error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw cause ?? error;
  } finally {
    redis.disconnect();
  }
}

function describe(error) {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describe).join('; ');
  return (error && error.message) || String(error);
}

async function main() {
  const checks = [
    ['PostgreSQL', new URL(databaseUrl).host, checkPostgres],
    ['Redis', new URL(redisUrl).host, checkRedis],
  ];
  const failures = [];
  for (const [name, where, check] of checks) {
    try {
      await check();
      console.log(`  ✓ ${name} at ${where}`);
    } catch (error) {
      failures.push(name);
      console.error(`  ✗ ${name} is not reachable at ${where}: ${describe(error)}`);
      console.error(`    Start it with:  ${HOW_TO_START[name]}`);
      console.error(`    or point ${name === 'Redis' ? 'REDIS_URL' : 'DATABASE_URL'} in .env at a running server.`);
    }
  }
  if (failures.length > 0) process.exit(2);
}

main();
