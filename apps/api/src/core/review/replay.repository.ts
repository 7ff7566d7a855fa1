import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../base/prisma';

export interface SeekPoint {
  id: bigint;
  lastUpdateId: bigint;
  updateCount: number;
}

export interface StoredUpdate {
  id: bigint;
  data: Uint8Array;
}

export interface ShareLinkRow {
  id: string;
  interviewId: string;
  createdById: string;
  createdBy: { name: string };
  includeNotes: boolean;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

/**
 * Reads of the recording (update log, checkpoints, timeline rows) and the share links replay writes.
 * The board's tables are written only by the board: the update log by its rooms, checkpoints by
 * its rooms and, for seek points, through `BoardRepository`.
 */
@Injectable()
export class ReplayRepository {
  constructor(private readonly prisma: PrismaService) {}

  interview(interviewId: string) {
    return this.prisma.interview.findUnique({
      where: { id: interviewId },
      select: { id: true, title: true, status: true, startedAt: true, endedAt: true, script: { select: { phases: true } } },
    });
  }

  /** Receive time of the first and the last update of the log, or null without updates. */
  async logSpan(interviewId: string): Promise<{ first: Date; last: Date } | null> {
    const [first, last] = await Promise.all([
      this.prisma.boardUpdate.findFirst({ where: { interviewId }, orderBy: { id: 'asc' }, select: { receivedAt: true } }),
      this.prisma.boardUpdate.findFirst({ where: { interviewId }, orderBy: { id: 'desc' }, select: { receivedAt: true } }),
    ]);
    return first && last ? { first: first.receivedAt, last: last.receivedAt } : null;
  }

  timelineRows(interviewId: string) {
    return Promise.all([
      this.prisma.phaseEvent.findMany({ where: { interviewId }, orderBy: { at: 'asc' }, select: { kind: true, phaseIndex: true, at: true } }),
      this.prisma.note.findMany({
        where: { interviewId },
        orderBy: { createdAt: 'asc' },
        select: { id: true, body: true, sessionMs: true, phaseIndex: true, createdAt: true, author: { select: { name: true } } },
      }),
      this.prisma.revealedHint.findMany({ where: { interviewId }, orderBy: { revealedAt: 'asc' }, select: { text: true, phase: true, revealedAt: true } }),
      this.prisma.chatMessage.findMany({
        where: { interviewId },
        orderBy: { sentAt: 'asc' },
        select: { id: true, body: true, sentAt: true, author: { select: { name: true } } },
      }),
      this.prisma.participant.findMany({
        where: { interviewId, joinedAt: { not: null }, userId: { not: null } },
        select: { userId: true, role: true, joinedAt: true, user: { select: { name: true } } },
      }),
      this.prisma.roomVisit.findMany({ where: { interviewId }, orderBy: { joinedAt: 'asc' }, select: { userId: true, joinedAt: true, leftAt: true } }),
    ]);
  }

  /** The latest seek point whose last update was received at or before `at`. */
  async seekPointAtOrBefore(interviewId: string, at: Date): Promise<SeekPoint | null> {
    return this.prisma.boardSnapshot.findFirst({
      where: { interviewId, exact: true, lastUpdateAt: { lte: at } },
      orderBy: { lastUpdateId: 'desc' },
      select: { id: true, lastUpdateId: true, updateCount: true },
    });
  }

  /** The encoded state of a checkpoint (megabytes on a large board: read only when not cached). */
  async seekPointState(id: bigint): Promise<Uint8Array> {
    const row = await this.prisma.boardSnapshot.findUniqueOrThrow({ where: { id }, select: { state: true } });
    return row.state;
  }

  /** The first seek point after `at`: no update the board held at `at` comes after its last one. */
  async seekPointAfter(interviewId: string, at: Date): Promise<SeekPoint | null> {
    return this.prisma.boardSnapshot.findFirst({
      where: { interviewId, exact: true, lastUpdateAt: { gt: at } },
      orderBy: { lastUpdateId: 'asc' },
      select: { id: true, lastUpdateId: true, updateCount: true },
    });
  }

  async latestSeekPoint(interviewId: string): Promise<SeekPoint | null> {
    return this.prisma.boardSnapshot.findFirst({
      where: { interviewId, exact: true },
      orderBy: { lastUpdateId: 'desc' },
      select: { id: true, lastUpdateId: true, updateCount: true },
    });
  }

  /** Any checkpoint, live ones included: right for "the board now", since the rest is applied on top. */
  async latestCheckpoint(interviewId: string): Promise<{ lastUpdateId: bigint; state: Uint8Array } | null> {
    return this.prisma.boardSnapshot.findFirst({
      where: { interviewId },
      orderBy: { lastUpdateId: 'desc' },
      select: { lastUpdateId: true, state: true },
    });
  }

  /** Updates with afterId < id (≤ upToId when given) received at or before `at` (when given), in log order. */
  updatesAfter(interviewId: string, afterId: bigint, options: { upToId?: bigint; at?: Date; take?: number } = {}): Promise<StoredUpdate[]> {
    return this.prisma.boardUpdate.findMany({
      where: {
        interviewId,
        id: { gt: afterId, ...(options.upToId !== undefined ? { lte: options.upToId } : {}) },
        ...(options.at ? { receivedAt: { lte: options.at } } : {}),
      },
      orderBy: { id: 'asc' },
      take: options.take,
      select: { id: true, data: true },
    });
  }

  /** One page of the log for playback, with receive times. */
  updatesPage(interviewId: string, afterId: bigint, take: number) {
    return this.prisma.boardUpdate.findMany({
      where: { interviewId, id: { gt: afterId } },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, data: true, receivedAt: true },
    });
  }

  createShareLink(data: { interviewId: string; createdById: string; tokenHash: string; includeNotes: boolean; expiresAt: Date }): Promise<ShareLinkRow> {
    return this.prisma.replayShareLink.create({ data, select: shareLinkColumns });
  }

  /** Every link of the interview, newest first, whoever made it. */
  shareLinksOf(interviewId: string): Promise<ShareLinkRow[]> {
    return this.prisma.replayShareLink.findMany({ where: { interviewId }, orderBy: { createdAt: 'desc' }, select: shareLinkColumns });
  }

  shareLink(interviewId: string, linkId: string): Promise<ShareLinkRow | null> {
    return this.prisma.replayShareLink.findFirst({ where: { id: linkId, interviewId }, select: shareLinkColumns });
  }

  shareLinkByHash(tokenHash: string): Promise<(ShareLinkRow & { interview: { title: string } }) | null> {
    return this.prisma.replayShareLink.findUnique({ where: { tokenHash }, select: { ...shareLinkColumns, interview: { select: { title: true } } } });
  }

  /** Revokes a link unless it already is; the first revocation time stays. */
  async revokeShareLink(linkId: string, at: Date): Promise<void> {
    await this.prisma.replayShareLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: at } });
  }
}

const shareLinkColumns = {
  id: true,
  interviewId: true,
  createdById: true,
  createdBy: { select: { name: true } },
  includeNotes: true,
  expiresAt: true,
  revokedAt: true,
  createdAt: true,
} as const;
