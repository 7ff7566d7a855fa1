import { changePasswordRequestSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, updateProfileRequestSchema, type User } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiClient } from '../../api';
import { useZodForm } from '../../forms/useZodForm';
import { Alert, Avatar, Button, Card, CardFooter, LoadErrorAlert, LoadingBlock, PageHeader, PasswordField, TextField, useDocumentTitle } from '../../ui';
import { useAuth } from '../auth/AuthContext';
import { changePassword, fetchMe, meQueryKey, updateProfile } from './profile-api';
import './ProfilePage.css';

export default function ProfilePage() {
  useDocumentTitle('Profile');
  const client = useApiClient();
  const me = useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => fetchMe(client, signal) });

  return (
    <>
      <PageHeader title="Profile" description="How you appear to your practice partners." />
      {me.isPending ? (
        <Card title="Account">
          <LoadingBlock label="Loading your profile" />
        </Card>
      ) : me.isError ? (
        <LoadErrorAlert title="Your profile could not be loaded." query={me} />
      ) : (
        <div className="profile__cards">
          <ProfileForm user={me.data} />
          <PasswordForm />
        </div>
      )}
    </>
  );
}

function ProfileForm({ user }: { user: User }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { setUser } = useAuth();
  const [saved, setSaved] = useState(false);

  const form = useZodForm(updateProfileRequestSchema, { name: user.name }, async (request) => {
    setSaved(false);
    const updated = await updateProfile(client, request);
    queryClient.setQueryData(meQueryKey, updated);
    setUser(updated);
    form.setValues({ name: updated.name });
    setSaved(true);
  });
  const unchanged = form.values.name.trim() === user.name;

  return (
    <Card title="Account" description="Your name is shown to the people you practise with.">
      <div className="profile__identity">
        <Avatar name={form.values.name.trim() || user.name} size="lg" />
        <dl className="profile__facts">
          <div>
            <dt>Name</dt>
            <dd data-testid="profile-name">{user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd data-testid="profile-email">{user.email}</dd>
          </div>
        </dl>
      </div>
      <form
        className="profile__form"
        noValidate
        aria-label="Change name"
        onSubmit={form.handleSubmit}
        onChange={() => setSaved(false)}
      >
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField {...form.field('name')} label="Display name" autoComplete="name" maxLength={80} />
        <div className="profile__status" aria-live="polite">
          {saved && unchanged && 'Your name was updated.'}
        </div>
        <CardFooter>
          <Button type="submit" variant="primary" loading={form.pending} disabled={unchanged}>
            {form.pending ? 'Saving…' : 'Save changes'}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const client = useApiClient();
  const [changed, setChanged] = useState(false);
  const form = useZodForm(changePasswordRequestSchema, { currentPassword: '', newPassword: '' }, async (request) => {
    setChanged(false);
    await changePassword(client, request);
    form.setValues({ currentPassword: '', newPassword: '' });
    setChanged(true);
  });

  return (
    <Card title="Password" description="Changing it signs you out everywhere else: other browsers and devices have to sign in again.">
      <form className="profile__form" noValidate aria-label="Change password" onSubmit={form.handleSubmit} onChange={() => setChanged(false)}>
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <PasswordField {...form.field('currentPassword')} label="Current password" autoComplete="current-password" />
        <PasswordField
          {...form.field('newPassword')}
          label="New password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not a common password.`}
        />
        <div className="profile__status" aria-live="polite">
          {changed && 'Your password was changed. Other sessions were signed out.'}
        </div>
        <CardFooter>
          <Button type="submit" variant="primary" loading={form.pending}>
            {form.pending ? 'Changing…' : 'Change password'}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
