import { z } from 'zod';
import { displayNameCharacterProblem, isBlankDisplayName, normaliseDisplayName } from './text-safety';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 80;

export const COMMON_PASSWORD_MESSAGE = 'This password is too common or too easy to guess. Choose another.';

/**
 * Whether a password is one of the most common (or as easy to guess). The browser knows only a
 * short list; the API installs the full check at start (`usePasswordGuessCheck`), so the same
 * schema refuses the same passwords with the same message on both sides.
 */
const SHORT_COMMON_LIST = new Set(['password1234', '123456789012', 'qwertyuiopas', '1q2w3e4r5t6y', 'passwordpassword', 'qwerty123456']);

/** The browser's check: a short list and passwords made of one or two characters repeated. */
export function isObviouslyGuessablePassword(password: string): boolean {
  return SHORT_COMMON_LIST.has(password.toLowerCase()) || new Set(password).size <= 2;
}

let isGuessablePassword = isObviouslyGuessablePassword;

export function usePasswordGuessCheck(check: (password: string) => boolean): void {
  isGuessablePassword = check;
}

/** A new password (registration, change). Sign-in does not apply it. */
export const newPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`)
  // Only a password of acceptable length is looked up, so a short one gets one message.
  .refine((password) => password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH || !isGuessablePassword(password), COMMON_PASSWORD_MESSAGE);

/**
 * A display name: one line, no control or text-direction characters, not only invisible ones;
 * stored NFC-normalised with white space runs collapsed, so look-alike spellings compare equal.
 */
export const displayNameSchema = z
  .string({ error: 'Name is required' })
  .superRefine((raw, context) => {
    const problem = displayNameCharacterProblem(raw.trim());
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .transform(normaliseDisplayName)
  .pipe(
    z
      .string()
      .refine((name) => !isBlankDisplayName(name), 'Name is required')
      .refine((name) => name.length <= NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters`),
  );

/** How every email is compared: sign-up, sign-in, invitations and the operator list alike. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** An email address as every form and route takes it: trimmed, checked, normalised. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'Email is too long')
  .pipe(z.email({ error: 'Enter a valid email address' }))
  .transform(normaliseEmail);

/** Whether the runtime knows `zone` as an IANA time zone name ('Europe/Berlin', 'UTC'). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone a person reads times in: an IANA name, as the browser reports it. */
export const timeZoneSchema = z
  .string({ error: 'Choose a time zone' })
  .trim()
  .min(1, 'Choose a time zone')
  .max(64, 'Choose a time zone from the list')
  .refine(isKnownTimeZone, 'Choose a time zone from the list');

export const registerRequestSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: displayNameSchema,
  /** The browser's zone, so the first emails already give times in it. */
  timeZone: timeZoneSchema.optional(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

// Login does not enforce the password policy: a policy change must not lock anyone out.
export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Whether the person opened the link sent to `email` (always sent by the API). */
  emailVerified: z.boolean().optional(),
  /** The IANA zone notifications and emails give times in; null until set (they use UTC then). */
  timeZone: z.string().nullable().optional(),
});
export type User = z.infer<typeof userSchema>;

export const sessionResponseSchema = z.object({ accessToken: z.string(), user: userSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const refreshResponseSchema = z.object({ accessToken: z.string() });
export type RefreshResponse = z.infer<typeof refreshResponseSchema>;

export const updateProfileRequestSchema = z
  .object({
    name: displayNameSchema.optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .refine((request) => request.name !== undefined || request.timeZone !== undefined, 'Send a name or a time zone');
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

/** The token from the link in the verification email (`/verify-email?token=…`). */
export const verifyEmailRequestSchema = z.object({
  token: z.string({ error: 'The link has no token' }).trim().min(1, 'The link has no token').max(200),
});
export type VerifyEmailRequest = z.infer<typeof verifyEmailRequestSchema>;

/** Where the refresh cookie lives; the web app never reads it (httpOnly), only the API does. */
export const REFRESH_COOKIE_NAME = 'pb_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/**
 * Set and cleared with the refresh cookie, readable by the page and holding nothing secret: it only
 * says that a session may exist, so a page without it knows nobody is signed in and does not ask.
 */
export const SESSION_MARKER_COOKIE_NAME = 'pb_session';

/** `POST /api/auth/password`: ends every session of the person and starts a fresh one for the caller. */
export const changePasswordRequestSchema = z.object({
  currentPassword: loginRequestSchema.shape.password,
  newPassword: registerRequestSchema.shape.password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
