import { Injectable } from '@nestjs/common';
import { boardScene } from '@pairboard/board-binding';
import type { BoardScene, BoardUpdatesPage, Timeline, TimelineEvent } from '@pairboard/contracts';
import { EMPTY_TIMELINE, MAX_UPDATES_PAGE, MAX_UPDATES_PAGE_BYTES } from '@pairboard/contracts';
import { phaseChapters, presenceSpans } from '@pairboard/interview-domain';
import { z } from 'zod';
import { AppError } from '../../base/errors';
import { ReplayRepository } from './replay.repository';
import { canSeeNotes, ReviewViewer } from './review-access';
import { BoardTimelines } from './board-timelines';
import { SeekIndex } from './seek-index';

// Only the names are needed; a hand-edited script with other fields still names its phases.
const phaseNames = z.array(z.object({ name: z.string() }));

const EMPTY_BOARD_JSON = JSON.stringify({ elements: [], files: {} } satisfies BoardScene);

/** Timeline, board at an instant and the update log of one interview, for a viewer already let in. */
@Injectable()
export class ReplayService {
  constructor(
    private readonly replay: ReplayRepository,
    private readonly seek: SeekIndex,
    private readonly timelines: BoardTimelines,
  ) {}

  async timeline(viewer: ReviewViewer, now = new Date()): Promise<Timeline> {
    const interview = await this.interview(viewer.interviewId);
    if (!interview.startedAt) return EMPTY_TIMELINE;
    const span = await this.replay.logSpan(viewer.interviewId);
    const start = sessionStart(interview.startedAt, span?.first ?? null);
    // An ended interview's board is read-only, so its recording ends with it; a session still
    // going lasts until now or its latest board change.
    const end = interview.endedAt ? interview.endedAt.getTime() : Math.max(now.getTime(), span?.last.getTime() ?? 0);
    const sinceStart = (at: Date) => Math.max(0, at.getTime() - start);

    const [phaseEvents, notes, hints, chat, participants, stays] = await this.replay.timelineRows(viewer.interviewId);
    const parsed = phaseNames.safeParse(interview.script?.phases ?? []);
    const names = parsed.success ? parsed.data.map((phase) => phase.name) : [];
    const nameOf = (index: number) => names[index] ?? `Phase ${index + 1}`;

    const chapters = phaseChapters(
      phaseEvents.map((event) => ({ kind: event.kind, phaseIndex: event.phaseIndex, at: event.at.getTime() })),
      now.getTime(),
    );
    const phases = chapters.map((chapter) => ({
      name: nameOf(chapter.phaseIndex),
      phaseIndex: chapter.phaseIndex,
      startMs: Math.max(0, chapter.startAt - start),
      endMs: Math.max(0, (chapter.endAt ?? end) - start),
      pausedMs: chapter.pausedMs,
    }));

    // Joins and leaves from the stays in the room; a participant who entered before stays were
    // recorded has only a join (the first).
    const who = new Map(participants.map((participant) => [participant.userId as string, { name: participant.user?.name ?? null, role: participant.role }]));
    const spans = presenceSpans(stays.map((stay) => ({ userId: stay.userId, joinedAt: stay.joinedAt.getTime(), leftAt: stay.leftAt?.getTime() ?? null })));
    const withStays = new Set(spans.map((span) => span.userId));
    const presence = [
      ...participants
        .filter((participant) => !withStays.has(participant.userId as string))
        .map((participant) => ({ userId: participant.userId as string, at: (participant.joinedAt as Date).getTime(), kind: 'join' as const })),
      ...spans.flatMap((span) => [
        { userId: span.userId, at: span.from, kind: 'join' as const },
        ...(span.to === null ? [] : [{ userId: span.userId, at: span.to, kind: 'leave' as const }]),
      ]),
    ].filter((entry) => who.has(entry.userId));

    // Joins first: at equal times, people enter before the clock they start.
    const events: TimelineEvent[] = [
      ...presence.map((entry) => ({
        atMs: Math.max(0, entry.at - start),
        kind: entry.kind,
        userId: entry.userId,
        name: who.get(entry.userId)?.name ?? null,
        role: who.get(entry.userId)?.role ?? 'observer',
      })),
      ...phaseEvents.map((event) => ({
        atMs: sinceStart(event.at),
        kind: 'phase' as const,
        change: event.kind,
        phaseIndex: event.phaseIndex,
        phaseName: names[event.phaseIndex] ?? null,
      })),
      ...(canSeeNotes(viewer)
        ? notes.map((note) => ({
            atMs: sinceStart(note.createdAt),
            kind: 'note' as const,
            id: note.id,
            text: note.body,
            authorName: note.author.name,
            phaseIndex: note.phaseIndex,
          }))
        : []),
      ...hints.map((hint) => ({ atMs: sinceStart(hint.revealedAt), kind: 'hint' as const, text: hint.text, phase: hint.phase })),
      ...chat.map((message) => ({ atMs: sinceStart(message.sentAt), kind: 'chat' as const, id: message.id, text: message.body, authorName: message.author?.name ?? null })),
    ];
    events.sort((a, b) => a.atMs - b.atMs);

    return {
      startedAt: new Date(start).toISOString(),
      endedAt: interview.endedAt?.toISOString() ?? null,
      durationMs: Math.max(0, end - start),
      phases,
      events,
    };
  }

  /**
   * The board `atMs` after the session started, or now without `atMs`, as `{ elements, files }` JSON:
   * from the warm timeline when it is built, otherwise from the seek index.
   */
  async boardJson(viewer: ReviewViewer, atMs?: number): Promise<string> {
    const interview = await this.interview(viewer.interviewId);
    const timeline = await this.timelines.ready(viewer.interviewId, interview.endedAt);
    const firstAt = timeline ? timeline.firstAt : ((await this.replay.logSpan(viewer.interviewId))?.first.getTime() ?? null);
    if (firstAt === null) return EMPTY_BOARD_JSON;
    const read = (doc: Parameters<typeof boardScene>[0]) => JSON.stringify(boardScene(doc));
    if (atMs === undefined) return timeline ? timeline.sceneJsonAt(timeline.length) : this.seek.now(viewer.interviewId, read);
    const at = sessionStart(interview.startedAt, new Date(firstAt)) + atMs;
    return timeline ? timeline.sceneJsonAt(timeline.countAt(at)) : this.seek.at(viewer.interviewId, new Date(at), read);
  }

  /** One page of the update log with times since the session started, cut at a byte budget. */
  async updates(viewer: ReviewViewer, after = 0n, limit = MAX_UPDATES_PAGE): Promise<BoardUpdatesPage> {
    const interview = await this.interview(viewer.interviewId);
    const span = await this.replay.logSpan(viewer.interviewId);
    if (!span) return { sessionStartedAt: interview.startedAt?.toISOString() ?? null, updates: [], nextAfter: null };
    const start = sessionStart(interview.startedAt, span.first);
    const rows = await this.replay.updatesPage(viewer.interviewId, after, limit);
    const updates: BoardUpdatesPage['updates'] = [];
    let bytes = 0;
    for (const row of rows) {
      // A page holds at least one update, however large (the board admits updates up to 8 MiB).
      if (updates.length > 0 && bytes + row.data.length > MAX_UPDATES_PAGE_BYTES) break;
      bytes += row.data.length;
      updates.push({ id: row.id.toString(), atMs: Math.max(0, row.receivedAt.getTime() - start), data: Buffer.from(row.data).toString('base64') });
    }
    const more = updates.length < rows.length || rows.length === limit;
    return { sessionStartedAt: new Date(start).toISOString(), updates, nextAfter: more && updates.length > 0 ? updates[updates.length - 1].id : null };
  }

  private async interview(interviewId: string) {
    const interview = await this.replay.interview(interviewId);
    if (!interview) throw new AppError('NOT_FOUND', 'No such interview.');
    return interview;
  }
}

/** The session starts at the interview's start or its first board update, whichever is earlier. */
export function sessionStart(startedAt: Date | null, firstUpdateAt: Date | null): number {
  const times = [startedAt, firstUpdateAt].filter((time): time is Date => time !== null).map((time) => time.getTime());
  return Math.min(...times);
}
