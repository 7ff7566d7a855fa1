import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class InterviewPage {
  readonly shell: AppShell;
  readonly participants: Locator;
  readonly joinRoom: Locator;
  readonly roomLink: Locator;
  readonly copyLink: Locator;
  readonly addParticipantForm: Locator;
  /** Shown to an invitee who has not answered yet. */
  readonly invitation: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.participants = page.getByTestId('participant');
    this.joinRoom = page.getByRole('link', { name: 'Join room' });
    this.roomLink = page.getByLabel('Room link');
    this.copyLink = page.getByRole('button', { name: /^(Copy link|Copied)$/ });
    this.addParticipantForm = page.getByRole('form', { name: 'Add participant' });
    this.invitation = page.getByRole('status').filter({ hasText: 'You are invited to this interview' });
  }

  async goto(id: string) {
    await this.page.goto(`/interviews/${id}`);
  }

  async expectLoaded(title: string) {
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  async acceptInvitation() {
    await this.invitation.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(this.invitation).toHaveCount(0);
  }

  participant(nameOrEmail: string): Locator {
    return this.participants.filter({ hasText: nameOrEmail });
  }

  async addParticipant(email: string, role: 'interviewer' | 'candidate' | 'observer') {
    await this.addParticipantForm.getByLabel('Email').fill(email);
    await this.addParticipantForm.getByLabel('Role').selectOption(role);
    await this.addParticipantForm.getByRole('button', { name: 'Add' }).click();
  }
}
