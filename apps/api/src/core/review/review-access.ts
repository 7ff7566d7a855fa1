import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ParticipantRole, SHARE_TOKEN_PATTERN } from '@pairboard/contracts';
import { decideReviewAccess, type ReviewViewerKind } from '@pairboard/interview-domain';
import { AppError } from '../../base/errors';
import { InterviewsService } from '../interviews';
import { ReplayRepository } from './replay.repository';

/**
 * Who is looking at a recording. The rules themselves are `decideReviewAccess` (one table for every
 * review route, scorecards included):
 *
 * | action                      | interviewer | candidate                     | observer | outsider | share link           | revoked/expired link |
 * |-----------------------------|-------------|-------------------------------|----------|----------|----------------------|----------------------|
 * | timeline, board, log, files | yes         | yes                           | yes      | 404      | yes                  | 404                  |
 * | notes in timeline           | yes         | no                            | no       | —        | if made with notes by someone still an interviewer | — |
 * | create link without notes   | yes         | yes                           | 403      | 404      | —                    | —                    |
 * | create link with notes      | yes         | 403                           | 403      | 404      | —                    | —                    |
 * | list links                  | every link  | own + any showing notes       | 403      | 404      | —                    | —                    |
 * | revoke a link               | any link    | own; 403 listed, 404 unlisted | 403      | 404      | —                    | —                    |
 */
export type ReviewViewer =
  | { kind: 'participant'; interviewId: string; userId: string; role: ParticipantRole }
  | {
      kind: 'share';
      interviewId: string;
      linkId: string;
      /** whether this link shows notes now: made with them, and its maker is still an interviewer */
      includeNotes: boolean;
      /** what the link's maker is in the interview now */
      makerRole: ReviewViewerKind;
      title: string;
      expiresAt: Date;
    };

export type ReviewAction = 'replay' | 'share';

/** Notes are private to interviewers (they write them); a share link carries them only when an interviewer made it so. */
export function canSeeNotes(viewer: ReviewViewer): boolean {
  if (viewer.kind === 'participant') return decideReviewAccess('replay.notes', viewer.role) === 'allow';
  return decideReviewAccess('replay.notes', 'shareLink', { linkIncludesNotes: viewer.includeNotes, linkMakerRole: viewer.makerRole }) === 'allow';
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class ReviewAccess {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly replay: ReplayRepository,
  ) {}

  /** A signed-in participant; anyone else gets 404 (the interview's existence is not revealed). */
  async participant(interviewId: string, userId: string, action: ReviewAction): Promise<ReviewViewer & { kind: 'participant' }> {
    const access = await this.interviews.accessFor(interviewId, userId);
    const decision = decideReviewAccess(action === 'share' ? 'replay.share' : 'replay.read', access.exists ? (access.role ?? 'outsider') : 'outsider');
    if (decision === 'NOT_FOUND' || access.role === null) throw new AppError('NOT_FOUND', 'No such interview.');
    if (decision === 'FORBIDDEN') throw new AppError('FORBIDDEN', 'Only the candidate and interviewers can share a replay.');
    return { kind: 'participant', interviewId, userId, role: access.role };
  }

  /** The holder of a share link; an unknown, revoked or expired link is 404 with a message saying which. */
  async shareHolder(token: string, now = new Date()): Promise<ReviewViewer & { kind: 'share' }> {
    const link = SHARE_TOKEN_PATTERN.test(token) ? await this.replay.shareLinkByHash(hashShareToken(token)) : null;
    if (!link) throw new AppError('NOT_FOUND', 'This replay link does not exist.');
    if (link.revokedAt) throw new AppError('NOT_FOUND', 'This replay link was revoked by the person who shared it.');
    if (link.expiresAt.getTime() <= now.getTime()) throw new AppError('NOT_FOUND', 'This replay link has expired.');
    // Decided on every read, not when the link was made: a link made with notes by someone who may
    // not (or no longer) share them shows none.
    const makerRole = await this.roleOf(link.interviewId, link.createdById);
    return {
      kind: 'share',
      interviewId: link.interviewId,
      linkId: link.id,
      includeNotes: decideReviewAccess('replay.notes', 'shareLink', { linkIncludesNotes: link.includeNotes, linkMakerRole: makerRole }) === 'allow',
      makerRole,
      title: link.interview.title,
      expiresAt: link.expiresAt,
    };
  }

  /** What someone is in the interview now, as the access table names it. */
  async roleOf(interviewId: string, userId: string): Promise<ReviewViewerKind> {
    return (await this.interviews.accessFor(interviewId, userId)).role ?? 'outsider';
  }
}
