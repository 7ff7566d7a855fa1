import { z } from 'zod';

/**
 * What a client presents in the `/rooms` handshake (`auth`). `connectionId` is a random id a tab
 * keeps for as long as it is open: when the tab reconnects after a network blip, its new connection
 * takes over the old one's place in the per-person connection limit instead of needing another,
 * even while the server has not yet noticed that the old one is gone.
 */
export const roomsHandshakeSchema = z.object({
  token: z.string().min(1).max(4096),
  connectionId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});
export type RoomsHandshake = z.infer<typeof roomsHandshakeSchema>;
