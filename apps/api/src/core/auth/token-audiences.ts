/**
 * Every JWT this API signs names what it is for, and each verifier demands its own kind: an
 * operator's dashboard cookie is not an API bearer token, nor the other way round.
 */
export const TOKEN_AUDIENCES = {
  /** Access tokens: `Authorization: Bearer`, socket handshakes, the board's WebSocket. */
  api: 'pairboard-api',
  /** The `/admin` dashboard cookie. */
  admin: 'pairboard-admin',
} as const;
