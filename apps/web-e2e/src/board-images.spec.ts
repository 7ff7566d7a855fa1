import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { deflateSync, crc32 } from 'node:zlib';
import { RoomPage } from './pages/RoomPage';
import { acceptInterviewAs, createInterviewAs, forbidExternalRequests, screenshot, signUpInBrowser } from './support';
import type { NewUser } from './pages/SignUpPage';

interface Person {
  user: NewUser;
  context: BrowserContext;
  room: RoomPage;
  network: ReturnType<typeof forbidExternalRequests>;
}

async function signedInPerson(browser: Browser, name: string, baseURL: string | undefined): Promise<Person> {
  // Chromium would open its native file picker, which a test cannot drive; without it Excalidraw
  // falls back to a file input, the same picker a person sees in other browsers.
  const { user, context, page, network } = await signUpInBrowser(browser, name, { baseURL }, (context) =>
    context.addInitScript(() => {
      delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    }),
  );
  return { user, context, room: new RoomPage(page), network };
}

/** A real PNG: a `size`² square of four coloured quarters, so it is easy to spot on the board. */
function quartersPng(size = 96): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const colours = [[91, 91, 214], [240, 160, 40], [46, 160, 90], [214, 60, 70]];
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const colour = colours[(y < size / 2 ? 0 : 2) + (x < size / 2 ? 0 : 1)];
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test.describe('Images on the live board', () => {
  test.describe.configure({ timeout: 90_000 });

  test('an image put on the board reaches the other person and the observer, and survives a reload', async ({ browser, baseURL }) => {
    const interviewer = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const candidate = await signedInPerson(browser, 'Grace Hopper', baseURL);
    const observer = await signedInPerson(browser, 'Oscar Observer', baseURL);
    const people = [interviewer, candidate, observer];
    const id = await createInterviewAs(interviewer.context.request, interviewer.user, {
      title: 'Design a photo sharing service',
      invite: [
        { email: candidate.user.email, role: 'candidate' },
        { email: observer.user.email, role: 'observer' },
      ],
    });
    await acceptInterviewAs(candidate.context.request, candidate.user, id);
    await acceptInterviewAs(observer.context.request, observer.user, id);

    await interviewer.room.goto(id);
    await candidate.room.goto(id);
    await interviewer.room.expectLive();
    await candidate.room.expectLive();

    await candidate.room.insertImage({ name: 'quarters.png', mimeType: 'image/png', buffer: quartersPng() }, { x: 360, y: 260 });
    await candidate.room.expectElementCount(1);
    await candidate.room.expectImages({ saved: 1, files: 1 });
    await candidate.room.expectSaved();

    // The other person gets the element, then the record, then fetches the bytes.
    await interviewer.room.expectElementCount(1);
    await interviewer.room.expectImages({ saved: 1, files: 1 });
    await expect(interviewer.room.transfers).toHaveCount(0);
    await screenshot(interviewer.room.page, 'room-image', { fullPage: false });

    // A reload loads the image again from the server.
    await interviewer.room.page.reload();
    await interviewer.room.expectLive();
    await interviewer.room.expectElementCount(1);
    await interviewer.room.expectImages({ saved: 1, files: 1 });

    // The observer sees it too, and has no image tool.
    await observer.room.goto(id);
    await observer.room.expectLive();
    await observer.room.expectImages({ saved: 1, files: 1 });
    await expect(observer.room.page.locator('[data-testid="toolbar-image"]')).toHaveCount(0);

    for (const person of people) {
      expect(person.network.external, `requests outside the app from ${person.user.name}`).toEqual([]);
      expect(person.network.failed, `failed asset requests for ${person.user.name}`).toEqual([]);
    }
    await Promise.all(people.map((person) => person.context.close()));
  });

  test('an image the server refuses leaves the board and says why', async ({ browser, baseURL }) => {
    const interviewer = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const candidate = await signedInPerson(browser, 'Grace Hopper', baseURL);
    const id = await createInterviewAs(interviewer.context.request, interviewer.user, { title: 'Refused picture', invite: [{ email: candidate.user.email, role: 'candidate' }] });
    await acceptInterviewAs(candidate.context.request, candidate.user, id);
    await interviewer.room.goto(id);
    await candidate.room.goto(id);
    await interviewer.room.expectLive();
    await candidate.room.expectLive();

    // Excalidraw takes SVG; the server does not (an SVG can carry script).
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80"><rect width="80" height="80" fill="#5b5bd6"/></svg>';
    await interviewer.room.insertImage({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) }, { x: 360, y: 260 });
    const failure = interviewer.room.transfers.filter({ hasText: 'Image not added.' });
    await expect(failure).toContainText('Only PNG, JPEG, GIF and WebP images can go on the board.');
    await interviewer.room.expectElementCount(0);
    await candidate.room.expectElementCount(0);
    await candidate.room.expectImages({ saved: 0, files: 0 });
    await screenshot(interviewer.room.page, 'room-image-refused', { fullPage: false });
    await failure.getByRole('button', { name: 'Dismiss' }).click();
    await expect(interviewer.room.transfers).toHaveCount(0);
    await Promise.all([interviewer, candidate].map((person) => person.context.close()));
  });
});
