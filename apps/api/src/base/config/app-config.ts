import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * Every setting the API reads from the environment, validated once at boot.
 * Documented for operators in .env.example.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
    .default('postgresql://postgres@127.0.0.1:5432/pairboard'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  JWT_SECRET: z.string({ error: 'is required (32 or more random characters)' }).min(32, 'must be at least 32 characters'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  // A just-rotated refresh token is answered with its successor this long (a reload that cut a refresh short).
  REFRESH_REUSE_WINDOW_SECONDS: z.coerce.number().int().min(0).max(30).default(30),
  // Open sockets are asked for a fresh access token this long before theirs expires, and closed at expiry.
  SOCKET_REFRESH_LEAD_SECONDS: z.coerce.number().int().min(1).max(300).default(60),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(100 * 1024),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  TRUST_PROXY: z.string().default('false'),
  CORS_ORIGINS: z.string().default(''),
  WEB_DIST: z.string().default('dist/web'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.optional(),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  // Board sync (/yjs). The size limit must admit the first sync of a 5,000-element board (~2 MB).
  BOARD_MAX_MESSAGE_BYTES: z.coerce.number().int().min(64 * 1024).max(256 * 1024 * 1024).default(8 * 1024 * 1024),
  BOARD_UPDATES_PER_SECOND: z.coerce.number().positive().default(60),
  BOARD_UPDATE_BURST: z.coerce.number().int().min(1).default(600),
  BOARD_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(4),
  BOARD_CHECKPOINT_EVERY_UPDATES: z.coerce.number().int().min(1).default(500),
  BOARD_CHECKPOINT_EVERY_SECONDS: z.coerce.number().int().min(1).default(60),
  BOARD_AWARENESS_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(100),
  BOARD_FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(4 * 1024 * 1024),
  BOARD_FILES_MAX_BYTES_PER_INTERVIEW: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  BOARD_FILES_MAX_PER_INTERVIEW: z.coerce.number().int().min(1).default(100),
  // Background jobs (BullMQ). Workers run inside the API unless turned off here.
  JOBS_WORKER: booleanFlag.default(true),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  JOBS_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  // Scheduling and notifications. Email goes through SMTP_URL (smtp:// or smtps://); without it the
  // message is logged (development) or not sent (test, production).
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Pairboard <no-reply@pairboard.local>'),
  /** Comma-separated emails of the operators allowed into /admin (job dashboard, dead letters). */
  ADMIN_EMAILS: z.string().default(''),
  SCHEDULE_REMINDER_DAY_SECONDS: z.coerce.number().min(0).default(24 * 3600),
  SCHEDULE_REMINDER_SOON_SECONDS: z.coerce.number().min(0).default(15 * 60),
  SCHEDULE_ROOM_OPENS_SECONDS: z.coerce.number().min(0).default(5 * 60),
  SCHEDULE_NO_SHOW_SECONDS: z.coerce.number().min(0).default(10 * 60),
  SCHEDULE_CLOSE_GRACE_SECONDS: z.coerce.number().min(0).default(15 * 60),
  // Interview room (socket.io /rooms): per-socket limits.
  ROOMS_CHAT_MESSAGES_PER_WINDOW: z.coerce.number().int().min(1).default(5),
  ROOMS_CHAT_WINDOW_SECONDS: z.coerce.number().positive().default(5),
  ROOMS_EVENTS_PER_SECOND: z.coerce.number().positive().default(10),
  ROOMS_EVENT_BURST: z.coerce.number().int().min(1).default(30),
  // Simultaneous /rooms connections per person, across instances; a connection's lease outlives a crashed instance this long.
  ROOMS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(100).default(5),
  ROOMS_CONNECTION_LEASE_SECONDS: z.coerce.number().int().min(3).max(3600).default(60),
  // Hardening. Sign-in failures per account from all addresses together (the per-account limit above
  // counts one address); /metrics behind a bearer token and/or on an internal port (neither: local
  // requests only); images on the board at most this many pixels per side and in total.
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: z.coerce.number().int().min(1).default(100),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  BOARD_IMAGE_MAX_SIDE: z.coerce.number().int().min(16).max(65535).default(8192),
  BOARD_IMAGE_MAX_PIXELS: z.coerce.number().int().min(256).default(40_000_000),
  // Accounts: email verification, operators by id, and hourly limits (over them: 429 with Retry-After).
  EMAIL_VERIFICATION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
  /** Comma-separated user ids with operator rights regardless of email. */
  ADMIN_USER_IDS: z.string().default(''),
  REGISTRATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  INVITATIONS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).default(40),
  VERIFICATION_EMAILS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).default(5),
});

export type AppConfig = z.infer<typeof configSchema>;

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError naming each missing or bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

/** `TRUST_PROXY` accepts what Express accepts: true/false, a hop count, or a list of addresses. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
