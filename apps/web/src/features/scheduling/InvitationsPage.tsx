import { PageHeader, useDocumentTitle } from '../../ui';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';

export default function InvitationsPage() {
  useDocumentTitle('Invitations');
  return (
    <>
      <PageHeader title="Invitations" description="Practise with someone you know: pick a time, they answer." />
      <div className="invitations-page">
        <InvitationsList />
        <InviteForm />
      </div>
    </>
  );
}
