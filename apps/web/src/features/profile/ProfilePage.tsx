import { changePasswordRequestSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, updateProfileRequestSchema, type User } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApiClient } from '../../api';
import { useZodForm } from '../../forms/useZodForm';
import { Alert, Avatar, Button, Card, CardFooter, LoadErrorAlert, LoadingBlock, PageHeader, PasswordField, SelectField, TextField, useDocumentTitle } from '../../ui';
import { useAuth } from '../auth/AuthContext';
import { browserTimeZone, knownTimeZones } from '../auth/time-zone';
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
  const [saved, setSaved] = useState<string | null>(null);

  // A profile without a zone is read in this browser's until the person saves one.
  const savedZone = user.timeZone ?? browserTimeZone() ?? 'UTC';
  const form = useZodForm(updateProfileRequestSchema, { name: user.name, timeZone: savedZone }, async (request) => {
    setSaved(null);
    const renamed = request.name !== user.name;
    const updated = await updateProfile(client, {
      ...(renamed && { name: request.name }),
      ...(request.timeZone !== savedZone && { timeZone: request.timeZone }),
    });
    queryClient.setQueryData(meQueryKey, updated);
    setUser(updated);
    form.setValues({ name: updated.name, timeZone: updated.timeZone ?? savedZone });
    setSaved(renamed ? 'Your name was updated.' : 'Your time zone was updated.');
  });
  const zones = useMemo(() => knownTimeZones(savedZone).map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') })), [savedZone]);
  const unchanged = form.values.name.trim() === user.name && form.values.timeZone === savedZone;

  return (
    <Card title="Account" description="Your name is shown to the people you practise with; notifications and emails give times in your time zone.">
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
        aria-label="Account details"
        onSubmit={form.handleSubmit}
        onChange={() => setSaved(null)}
      >
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField {...form.field('name')} label="Display name" autoComplete="name" maxLength={80} />
        <SelectField
          label="Time zone"
          value={form.values.timeZone}
          options={zones}
          error={form.fieldErrors.timeZone}
          onChange={(timeZone) => {
            setSaved(null);
            form.setValues((current) => ({ ...current, timeZone }));
          }}
        />
        <div className="profile__status" aria-live="polite">
          {unchanged && saved}
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
