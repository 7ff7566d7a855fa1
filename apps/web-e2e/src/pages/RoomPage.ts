import { expect, type Locator, type Page } from '@playwright/test';

/** The interview room: Pairboard's header around an Excalidraw board. */
export class RoomPage {
  readonly header: Locator;
  readonly board: Locator;
  readonly canvas: Locator;
  readonly connection: Locator;
  readonly people: Locator;
  /** Images on their way to or from the server, and failed ones. */
  readonly transfers: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.board = page.getByTestId('board');
    this.canvas = this.board.locator('canvas.interactive');
    this.connection = page.getByTestId('connection-state');
    this.people = page.getByTestId('room-people');
    this.transfers = page.getByTestId('file-transfers').locator('li');
  }

  async goto(interviewId: string) {
    await this.page.goto(`/interviews/${interviewId}/room`);
  }

  async expectLive() {
    await expect(this.connection).toHaveAttribute('data-phase', 'live', { timeout: 20_000 });
  }

  async expectElementCount(count: number) {
    await expect(this.board).toHaveAttribute('data-element-count', String(count));
  }

  async expectSaved() {
    await expect(this.connection).toContainText('Saved');
    await expect(this.connection).toHaveAttribute('data-unsaved', '0');
  }

  /** Picks the rectangle tool and drags one out, `at` relative to the board's top-left corner. */
  async drawRectangle(at: { x: number; y: number } = { x: 300, y: 220 }, size = { width: 160, height: 100 }) {
    // The tool's radio input is covered by its icon.
    await this.page.click('[data-testid="toolbar-rectangle"]', { force: true });
    await this.dragOnBoard(at, size);
  }

  /** A plain drag on the canvas; with a drawing tool picked it draws, otherwise it selects or pans. */
  async dragOnBoard(at: { x: number; y: number }, size = { width: 160, height: 100 }) {
    const box = await this.board.boundingBox();
    if (!box) throw new Error('the board is not visible');
    const x = box.x + at.x;
    const y = box.y + at.y;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + size.width / 2, y + size.height / 2, { steps: 4 });
    await this.page.mouse.move(x + size.width, y + size.height, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Image elements with an uploaded file (`saved`), and files the editor holds (loaded images). */
  async expectImages({ saved, files }: { saved: number; files: number }) {
    await expect(this.board).toHaveAttribute('data-saved-image-count', String(saved), { timeout: 15_000 });
    await expect(this.board).toHaveAttribute('data-file-count', String(files), { timeout: 15_000 });
  }

  /** Picks Excalidraw's image tool, chooses the file in the picker and clicks where it goes. */
  async insertImage(file: { name: string; mimeType: string; buffer: Buffer }, at: { x: number; y: number }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.click('[data-testid="toolbar-image"]', { force: true });
    await (await chooser).setFiles(file);
    const box = await this.board.boundingBox();
    if (!box) throw new Error('the board is not visible');
    // The picked image follows the pointer until a click places it.
    await this.page.mouse.move(box.x + at.x - 20, box.y + at.y - 20);
    await this.page.mouse.move(box.x + at.x, box.y + at.y, { steps: 4 });
    await this.page.mouse.click(box.x + at.x, box.y + at.y);
  }
}
