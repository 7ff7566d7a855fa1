import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type ParticipantRole, SHARE_TOKEN_PATTERN } from '@pairboard/contracts';
import { decideReviewAccess } from '@pairboard/interview-domain';
import { AppError } from '../../base/errors';
import { InterviewsService } from '../interviews';
import { ReplayRepository } from './replay.repository';

/**
 * Who is looking at a recording. The rules themselves are `decideReviewAccess` (one table for every
 * review route, scorecards included):
 *
 * | action              | interviewer | candidate | observer | outsider | share link | revoked/expired link |
 * |---------------------|-------------|-----------|----------|----------|------------|----------------------|
 * | timeline, board, log| yes         | yes       | yes      | 404      | yes        | 404                  |
 * | notes in timeline   | yes         | no        | no       | —        | if chosen  | —                    |
 * | create share link   | yes         | yes       | 403      | 404      | —          | —                    |
 * | list / revoke links | own links   | own links | 403      | 404      | —          | —                    |
 */
export type ReviewViewer =
  | { kind: 'participant'; interviewId: string; userId: string; role: ParticipantRole }
  | { kind: 'share'; interviewId: string; linkId: string; includeNotes: boolean; title: string; expiresAt: Date };

export type ReviewAction = 'replay' | 'share';

/** Notes are private to interviewers (they write them); a share link carries them only when its maker chose so. */
export function canSeeNotes(viewer: ReviewViewer): boolean {
  const kind = viewer.kind === 'share' ? 'shareLink' : viewer.role;
  return decideReviewAccess('replay.notes', kind, { linkIncludesNotes: viewer.kind === 'share' && viewer.includeNotes }) === 'allow';
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
    return {
      kind: 'share',
      interviewId: link.interviewId,
      linkId: link.id,
      includeNotes: link.includeNotes,
      title: link.interview.title,
      expiresAt: link.expiresAt,
    };
  }
}
