import { expect, type Locator, type Page } from '@playwright/test';
import { RoomPage } from './RoomPage';

/** The interview room around the board: clock, controls, side panel, chat, follow mode. */
export class InterviewRoomPage extends RoomPage {
  readonly phaseChip: Locator;
  readonly clock: Locator;
  readonly panel: Locator;
  readonly timeline: Locator;
  readonly followPill: Locator;

  constructor(page: Page) {
    super(page);
    this.phaseChip = page.getByTestId('phase-chip');
    this.clock = page.getByTestId('clock');
    this.panel = page.getByTestId('side-panel');
    this.timeline = page.getByTestId('phase-timeline');
    this.followPill = page.getByTestId('follow-pill');
  }

  control(name: string): Locator {
    return this.page.getByRole('group', { name: 'Clock controls' }).getByRole('button', { name, exact: true });
  }

  tab(name: string): Locator {
    return this.panel.getByRole('tab', { name });
  }

  async openTab(name: string) {
    await this.tab(name).click();
  }

  async expectJoined() {
    await expect(this.phaseChip).toBeVisible({ timeout: 20_000 });
  }

  async addNote(text: string) {
    await this.openTab('Interviewer');
    const box = this.panel.getByRole('textbox', { name: 'New note' });
    await box.fill(text);
    await box.press('Control+Enter');
    await expect(this.panel.getByTestId('note').filter({ hasText: text })).toBeVisible();
  }

  async sendChat(text: string) {
    await this.openTab('Chat');
    const box = this.panel.getByRole('textbox', { name: 'Message' });
    await box.fill(text);
    await box.press('Enter');
  }

  chatMessages(): Locator {
    return this.panel.getByTestId('chat-message');
  }

  person(name: string): Locator {
    return this.people.getByTestId('room-person').filter({ hasText: name });
  }

  async scroll(): Promise<{ x: number; y: number }> {
    return {
      x: Number(await this.board.getAttribute('data-scroll-x')),
      y: Number(await this.board.getAttribute('data-scroll-y')),
    };
  }

  /**
   * Each segment of the phase timeline: the phase's full name (from its tooltip), the label shown
   * (its name or, where there is no room, its number) and whether that label is cut short.
   */
  async phaseLabels(): Promise<{ name: string; shown: string; cut: boolean; current: boolean }[]> {
    return this.timeline.locator('li').evaluateAll((segments: HTMLElement[]) =>
      segments.map((segment) => {
        const label = Array.from(segment.querySelectorAll<HTMLElement>('.phase-timeline__name, .phase-timeline__number')).find(
          (span) => span.offsetWidth > 1,
        );
        return {
          name: /^\d+\. (.+?) · /.exec(segment.title)?.[1] ?? '',
          shown: label?.childNodes[0]?.textContent ?? '',
          cut: label ? label.scrollWidth > label.clientWidth : true,
          current: segment.getAttribute('aria-current') === 'step',
        };
      }),
    );
  }

  /** Pans the board with the mouse wheel. */
  async pan(deltaX: number, deltaY: number) {
    const box = await this.board.boundingBox();
    if (!box) throw new Error('the board is not visible');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(deltaX, deltaY);
  }
}
