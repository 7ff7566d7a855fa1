import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CreatedShareLink, ShareLink } from '@pairboard/contracts';
import { createShareLinkRequestSchema, replayPath } from '@pairboard/contracts';
import type { z } from 'zod';
import { AppError } from '../../base/errors';
import { ReplayRepository, ShareLinkRow } from './replay.repository';
import { hashShareToken, ReviewAccess } from './review-access';

type CreateShareLink = z.output<typeof createShareLinkRequestSchema>;

/** Read-only replay links: made, listed and revoked by the person who shares. */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly access: ReviewAccess,
    private readonly replay: ReplayRepository,
  ) {}

  async create(interviewId: string, userId: string, request: CreateShareLink, now = new Date()): Promise<CreatedShareLink> {
    await this.access.participant(interviewId, userId, 'share');
    // 256 random bits; only the hash is stored, so a database leak opens no replay.
    const token = randomBytes(32).toString('base64url');
    const row = await this.replay.createShareLink({
      interviewId,
      createdById: userId,
      tokenHash: hashShareToken(token),
      includeNotes: request.includeNotes,
      expiresAt: new Date(now.getTime() + request.expiresInHours * 3600_000),
    });
    return { ...toShareLink(row, now), token, path: replayPath(token) };
  }

  async listMine(interviewId: string, userId: string, now = new Date()): Promise<ShareLink[]> {
    await this.access.participant(interviewId, userId, 'share');
    const rows = await this.replay.shareLinksBy(interviewId, userId);
    return rows.map((row) => toShareLink(row, now));
  }

  async revoke(interviewId: string, linkId: string, userId: string): Promise<void> {
    await this.access.participant(interviewId, userId, 'share');
    const revoked = /^[0-9a-f-]{36}$/i.test(linkId) && (await this.replay.revokeShareLink(interviewId, linkId, userId, new Date()));
    if (!revoked) throw new AppError('NOT_FOUND', 'No such share link of yours.');
  }
}

function toShareLink(row: ShareLinkRow, now: Date): ShareLink {
  return {
    id: row.id,
    interviewId: row.interviewId,
    includeNotes: row.includeNotes,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    state: row.revokedAt ? 'revoked' : row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
  };
}
