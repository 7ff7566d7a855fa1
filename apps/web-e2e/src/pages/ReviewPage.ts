import { expect, type Locator, type Page } from '@playwright/test';

/** The replay of an interview: board at the playhead, timeline markers, playback and exports. */
export class ReviewPage {
  readonly board: Locator;
  readonly replay: Locator;
  readonly timeline: Locator;
  readonly slider: Locator;
  /** The share links the viewer may manage. */
  readonly shareLinks: Locator;
  /** Offered to interviewers only. */
  readonly includeNotes: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId('replay-board');
    this.replay = page.locator('.replay');
    this.timeline = page.locator('.timeline-bar');
    this.slider = page.getByRole('slider', { name: 'Session time' });
    this.shareLinks = page.getByRole('list', { name: 'Links to this replay' });
    this.includeNotes = page.getByLabel('Include interviewer notes');
  }

  async goto(interviewId: string) {
    await this.page.goto(`/interviews/${interviewId}/review`);
    await expect(this.replay).toBeVisible({ timeout: 20_000 });
  }

  marker(kind: 'phase' | 'note' | 'hint' | 'chat' | 'join'): Locator {
    return this.timeline.locator(`.timeline-bar__marker[data-kind="${kind}"]`);
  }

  async expectElementCount(count: number) {
    await expect(this.board).toHaveAttribute('data-element-count', String(count));
  }

  async positionMs(): Promise<number> {
    return Number(await this.replay.getAttribute('data-position-ms'));
  }

  async seekToStart() {
    await this.slider.focus();
    await this.page.keyboard.press('Home');
  }

  async seekToEnd() {
    await this.slider.focus();
    await this.page.keyboard.press('End');
  }

  speed(value: number): Locator {
    return this.page.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: `${value}×` });
  }

  playButton(): Locator {
    return this.page.getByRole('toolbar', { name: 'Playback' }).getByRole('button', { name: /^(Play|Pause)$/ });
  }

  exportButton(label: 'PNG' | 'SVG' | '.excalidraw'): Locator {
    return this.page.getByRole('group', { name: 'Export the board at the playhead' }).getByRole('button', { name: label });
  }
}
