import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CreatedShareLink, ShareLink } from '@pairboard/contracts';
import { createShareLinkRequestSchema, replayPath } from '@pairboard/contracts';
import { decideReviewAccess, type ReviewState, type ReviewViewerKind } from '@pairboard/interview-domain';
import type { z } from 'zod';
import { AppError } from '../../base/errors';
import { ReplayRepository, ShareLinkRow } from './replay.repository';
import { hashShareToken, ReviewAccess, ReviewViewer } from './review-access';

type CreateShareLink = z.output<typeof createShareLinkRequestSchema>;
type Participant = ReviewViewer & { kind: 'participant' };

/**
 * Read-only replay links. Anyone who may share makes links without notes; only interviewers make
 * them with notes. Interviewers see and revoke every link of their interview; the candidate their
 * own, and sees (without revoking) any link that shows notes.
 */
@Injectable()
export class ShareLinksService {
  constructor(
    private readonly access: ReviewAccess,
    private readonly replay: ReplayRepository,
  ) {}

  async create(interviewId: string, userId: string, request: CreateShareLink, now = new Date()): Promise<CreatedShareLink> {
    const viewer = await this.access.participant(interviewId, userId, 'share');
    if (request.includeNotes && decideReviewAccess('replay.shareNotes', viewer.role) !== 'allow') {
      throw new AppError('FORBIDDEN', 'Only interviewers can share a replay with their notes.');
    }
    // 256 random bits; only the hash is stored, so a database leak opens no replay.
    const token = randomBytes(32).toString('base64url');
    const row = await this.replay.createShareLink({
      interviewId,
      createdById: userId,
      tokenHash: hashShareToken(token),
      includeNotes: request.includeNotes,
      expiresAt: new Date(now.getTime() + request.expiresInHours * 3600_000),
    });
    return { ...toShareLink(row, viewer, linkState(row, viewer, viewer.role), now), token, path: replayPath(token) };
  }

  /** The links of the interview the caller may see, newest first. */
  async list(interviewId: string, userId: string, now = new Date()): Promise<ShareLink[]> {
    const viewer = await this.access.participant(interviewId, userId, 'share');
    const rows = await this.replay.shareLinksOf(interviewId);
    const roles = await this.makerRoles(interviewId, rows);
    return rows.flatMap((row) => {
      const state = linkState(row, viewer, roles.get(row.createdById) ?? 'outsider');
      return decideReviewAccess('shareLink.see', viewer.role, state) === 'allow' ? [toShareLink(row, viewer, state, now)] : [];
    });
  }

  async revoke(interviewId: string, linkId: string, userId: string, now = new Date()): Promise<void> {
    const viewer = await this.access.participant(interviewId, userId, 'share');
    const row = /^[0-9a-f-]{36}$/i.test(linkId) ? await this.replay.shareLink(interviewId, linkId) : null;
    if (!row) throw new AppError('NOT_FOUND', 'No such share link.');
    const decision = decideReviewAccess('shareLink.revoke', viewer.role, linkState(row, viewer, await this.access.roleOf(interviewId, row.createdById)));
    if (decision === 'NOT_FOUND') throw new AppError('NOT_FOUND', 'No such share link.');
    if (decision === 'FORBIDDEN') throw new AppError('FORBIDDEN', 'Only an interviewer can revoke a link someone else made.');
    await this.replay.revokeShareLink(row.id, now);
  }

  private async makerRoles(interviewId: string, rows: ShareLinkRow[]): Promise<Map<string, ReviewViewerKind>> {
    const makers = [...new Set(rows.map((row) => row.createdById))];
    const roles = await Promise.all(makers.map((maker) => this.access.roleOf(interviewId, maker)));
    return new Map(makers.map((maker, index) => [maker, roles[index]]));
  }
}

function linkState(row: ShareLinkRow, viewer: Participant, makerRole: ReviewViewerKind): ReviewState {
  return { linkMine: row.createdById === viewer.userId, linkIncludesNotes: row.includeNotes, linkMakerRole: makerRole };
}

function toShareLink(row: ShareLinkRow, viewer: Participant, state: ReviewState, now: Date): ShareLink {
  return {
    id: row.id,
    interviewId: row.interviewId,
    // What the link shows now, not what was asked for when it was made.
    includeNotes: decideReviewAccess('replay.notes', 'shareLink', state) === 'allow',
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    state: row.revokedAt ? 'revoked' : row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
    createdBy: { id: row.createdById, name: row.createdBy.name },
    mine: state.linkMine === true,
    canRevoke: decideReviewAccess('shareLink.revoke', viewer.role, state) === 'allow',
  };
}
