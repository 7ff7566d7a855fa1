import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { InterviewPage } from './pages/InterviewPage';
import { NewInterviewPage } from './pages/NewInterviewPage';
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
  const { user, context, page, network } = await signUpInBrowser(browser, name, { baseURL });
  return { user, context, room: new RoomPage(page), network };
}

test.describe('The live board', () => {
  test.describe.configure({ timeout: 90_000 });

  test('two people draw together, the board persists, an observer only watches', async ({ browser, baseURL }) => {
    const interviewer = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const candidate = await signedInPerson(browser, 'Grace Hopper', baseURL);
    const observer = await signedInPerson(browser, 'Oscar Observer', baseURL);
    const people = [interviewer, candidate, observer];

    // The interviewer sets up the interview through the app.
    const page = interviewer.room.page;
    const dashboard = new DashboardPage(page);
    await dashboard.goto();
    await dashboard.newInterview.click();
    const form = new NewInterviewPage(page);
    await form.expectLoaded();
    await form.title.fill('Design a chat service');
    await form.invite([
      { email: candidate.user.email, role: 'candidate' },
      { email: observer.user.email, role: 'observer' },
    ]);
    const id = await form.create();
    // The invitees take part once they accept.
    await acceptInterviewAs(candidate.context.request, candidate.user, id);
    await acceptInterviewAs(observer.context.request, observer.user, id);
    await new InterviewPage(page).joinRoom.click();
    await expect(page).toHaveURL(new RegExp(`/interviews/${id}/room$`));

    await interviewer.room.expectLive();
    await candidate.room.goto(id);
    await candidate.room.expectLive();
    await expect(interviewer.room.people).toContainText('Grace');
    await expect(candidate.room.people).toContainText('Ada');
    await interviewer.room.expectElementCount(0);
    await screenshot(candidate.room.page, 'room-empty', { fullPage: false });

    // A rectangle drawn by the interviewer reaches the candidate, and is saved.
    await interviewer.room.drawRectangle({ x: 320, y: 200 });
    await interviewer.room.expectElementCount(1);
    await candidate.room.expectElementCount(1);
    await interviewer.room.expectSaved();

    // And one the other way.
    await candidate.room.drawRectangle({ x: 360, y: 380 });
    await candidate.room.expectElementCount(2);
    await interviewer.room.expectElementCount(2);
    await candidate.room.expectSaved();
    await candidate.room.page.mouse.move(500, 300);
    await candidate.room.page.mouse.move(520, 310, { steps: 3 });

    await screenshot(interviewer.room.page, 'room-interviewer', { fullPage: false });
    await screenshot(candidate.room.page, 'room-candidate', { fullPage: false });

    // A reload shows the stored board.
    await interviewer.room.page.reload();
    await interviewer.room.expectLive();
    await interviewer.room.expectElementCount(2);

    // The observer sees the board, read-only: no tools, and a drag changes nothing anywhere.
    await observer.room.goto(id);
    await observer.room.expectLive();
    await observer.room.expectElementCount(2);
    await expect(observer.room.board).toHaveAttribute('data-readonly', 'true');
    await expect(observer.room.page.locator('[data-testid="toolbar-rectangle"]')).toHaveCount(0);
    await observer.room.page.keyboard.press('r');
    await observer.room.dragOnBoard({ x: 200, y: 420 });
    await observer.room.expectElementCount(2);
    await screenshot(observer.room.page, 'room-observer', { fullPage: false });
    // Give anything the observer might have sent time to arrive, then check nobody got it.
    await interviewer.room.drawRectangle({ x: 600, y: 240 }, { width: 80, height: 60 });
    await candidate.room.expectElementCount(3);
    await observer.room.expectElementCount(3);
    await interviewer.room.expectElementCount(3);
    await expect(observer.room.connection).toHaveAttribute('data-phase', 'live');

    for (const person of people) {
      expect(person.network.external, `requests outside the app from ${person.user.name}`).toEqual([]);
      expect(person.network.failed, `failed asset requests for ${person.user.name}`).toEqual([]);
    }
    await Promise.all(people.map((person) => person.context.close()));
  });

  test('changes made offline are counted and saved when the connection returns', async ({ browser, baseURL }) => {
    const interviewer = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const id = await createInterviewAs(interviewer.context.request, interviewer.user, { title: 'Offline drill' });

    const room = interviewer.room;
    await room.goto(id);
    await room.expectLive();

    await interviewer.context.setOffline(true);
    await expect(room.connection).toHaveAttribute('data-phase', 'offline', { timeout: 40_000 });
    await room.drawRectangle({ x: 300, y: 200 });
    await room.expectElementCount(1);
    // One rectangle, however many updates the drag made.
    await expect(room.connection).toContainText('Offline');
    await expect(room.connection).toContainText(/\b1 unsaved change\b/);
    await screenshot(room.page, 'room-offline', { fullPage: false });

    await interviewer.context.setOffline(false);
    await room.expectLive();
    await room.expectSaved();

    await room.page.reload();
    await room.expectLive();
    await room.expectElementCount(1);
    await interviewer.context.close();
  });
});
