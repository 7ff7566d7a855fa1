import { Client } from 'pg';
import request from 'supertest';

/**
 * Marks accounts as having proven their email, as if their owners had opened the link we sent.
 * Suites about other capabilities use it; the verification flow itself is tested through real
 * email in test/auth.
 */
export async function markEmailVerified(...userIds: string[]): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE users SET email_verified_at = now() WHERE id = ANY($1::uuid[]) AND email_verified_at IS NULL`, [userIds]);
  } finally {
    await client.end();
  }
}

/** Each invitee accepts their invitation to the interview (POST /api/interviews/:id/accept). */
export async function acceptInvitations(http: ReturnType<typeof request> | string, interviewId: string, tokens: string[]): Promise<void> {
  const agent = typeof http === 'string' ? request(http) : http;
  for (const token of tokens) {
    const authorization = token.startsWith('Bearer ') ? token : `Bearer ${token}`;
    const response = await agent.post(`/api/interviews/${interviewId}/accept`).set('Authorization', authorization);
    if (response.status !== 200) throw new Error(`accepting the invitation failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
}
