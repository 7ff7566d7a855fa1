import { NotFoundCard } from '../../ui';

export function ScriptNotFound() {
  return <NotFoundCard title="Script not found" description="It may have been deleted, or it belongs to someone else." backTo="/scripts" backLabel="Back to the scripts" />;
}
