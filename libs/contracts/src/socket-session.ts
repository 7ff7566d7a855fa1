import { z } from 'zod';

/**
 * A socket lives no longer than the session that opened it. The server asks for a fresh access
 * token shortly before the current one expires (`auth:expiring`); the client answers on the open
 * connection (`auth:refresh`, acknowledged). A socket whose token expires unrenewed, or whose
 * session is signed out, has its password changed or its refresh family revoked, receives
 * `auth:ended` with the UNAUTHORIZED error body (socket.io's stand-in for the board's close code
 * 4401) and is disconnected by the server — within seconds, on every instance.
 */
export const SOCKET_SESSION_EVENTS = {
  expiring: 'auth:expiring',
  refresh: 'auth:refresh',
  ended: 'auth:ended',
} as const;

/** Server → client: `expiresAt` is the epoch milliseconds at which the socket is closed unless renewed. */
export const authExpiringEventSchema = z.object({ expiresAt: z.number().int() });
export type AuthExpiringEvent = z.infer<typeof authExpiringEventSchema>;

/** Client → server: a fresh access token of the same person and a live session. */
export const authRefreshSchema = z.strictObject({ token: z.string().min(1).max(4096) });
export type AuthRefresh = z.infer<typeof authRefreshSchema>;

/** The acknowledgement's data on success: the new deadline. */
export const authRefreshAckSchema = z.object({ expiresAt: z.number().int() });

export const SESSION_END_REASONS = ['expired', 'revoked'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Server → client, just before the server disconnects the socket. */
export const authEndedEventSchema = z.object({
  reason: z.enum(SESSION_END_REASONS),
  error: z.object({ code: z.literal('UNAUTHORIZED'), message: z.string() }),
});
export type AuthEndedEvent = z.infer<typeof authEndedEventSchema>;
