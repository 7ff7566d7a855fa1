import { Card, CompassIcon, EmptyState, PageHeader, useDocumentTitle } from '../../ui';
import { useSignedInUser } from '../auth/AuthContext';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export default function DashboardPage() {
  useDocumentTitle('Dashboard');
  const user = useSignedInUser();

  return (
    <>
      <PageHeader title={`Hi, ${firstName(user.name)}`} description="Your mock interviews, as interviewer and as candidate." />
      <Card title="Your interviews">
        <EmptyState
          icon={<CompassIcon size={22} />}
          title="No interviews yet"
          description="Find a practice partner to schedule your first mock interview. Upcoming, live and past sessions will be listed here."
        />
      </Card>
    </>
  );
}
