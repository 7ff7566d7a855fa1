import type { CreatedShareLink, ShareLink } from '@pairboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, useApiClient } from '../../api';
import { Alert, Badge, Button, Card, LoadErrorAlert, SelectField, Spinner } from '../../ui';
import { CopyField } from '../interviews/CopyField';
import { formatFullDateTime } from '../interviews/schedule';
import { createShareLink, fetchShareLinks, revokeShareLink, shareLinksQueryKey } from './review-api';

const EXPIRY_OPTIONS = [
  { value: '1', label: '1 hour' },
  { value: '24', label: '1 day' },
  { value: '168', label: '7 days' },
  { value: '720', label: '30 days' },
] as const;
type Expiry = (typeof EXPIRY_OPTIONS)[number]['value'];

const STATE_TONE = { active: 'success', expired: 'neutral', revoked: 'danger' } as const;

/**
 * Make, list and revoke read-only replay links (candidate and interviewers). Only interviewers are
 * offered notes; the list holds every link the server lets the viewer see, with who made it, and a
 * revoke button where the server says they may.
 */
export function ShareLinksCard({ interviewId, canIncludeNotes }: { interviewId: string; canIncludeNotes: boolean }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const links = useQuery({ queryKey: shareLinksQueryKey(interviewId), queryFn: ({ signal }) => fetchShareLinks(client, interviewId, signal) });
  const [expiry, setExpiry] = useState<Expiry>('168');
  const [includeNotes, setIncludeNotes] = useState(false);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () => createShareLink(client, interviewId, { expiresInHours: Number(expiry), includeNotes: canIncludeNotes && includeNotes }),
    onSuccess: (link) => {
      setCreated(link);
      void queryClient.invalidateQueries({ queryKey: shareLinksQueryKey(interviewId) });
    },
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => revokeShareLink(client, interviewId, linkId),
    onSuccess: () => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: shareLinksQueryKey(interviewId) });
    },
  });

  return (
    <Card
      title="Share the replay"
      description={`Anyone with the link can watch the board, timeline and chat; nobody can change anything. ${
        canIncludeNotes ? 'You see and can revoke every link to this interview.' : 'You see your links and any link that shows the interviewers’ notes.'
      }`}
      headingLevel={2}
    >
      <div className="share-links__form">
        <SelectField label="Link works for" value={expiry} options={EXPIRY_OPTIONS} onChange={(value) => setExpiry(value as Expiry)} />
        {canIncludeNotes && (
          <label className="share-links__check">
            <input type="checkbox" checked={includeNotes} onChange={(event) => setIncludeNotes(event.target.checked)} /> Include interviewer notes
          </label>
        )}
        <Button variant="primary" onClick={() => create.mutate()} loading={create.isPending}>
          Create link
        </Button>
      </div>
      {create.isError && (
        <Alert tone="error" title="The link could not be created.">
          {describeError(create.error)}
        </Alert>
      )}
      {created && (
        <div className="share-links__created">
          <CopyField label="Your new link (shown only now)" value={`${window.location.origin}${created.path}`} hint="Copy it now: for safety Pairboard keeps only a fingerprint of it." />
        </div>
      )}
      {links.isError ? (
        <LoadErrorAlert title="The links could not be loaded." query={links} />
      ) : links.isPending ? (
        <p className="share-links__empty" role="status">
          <Spinner size="sm" label={null} /> Loading links…
        </p>
      ) : links.data.length === 0 ? (
        <p className="share-links__empty">This replay has not been shared yet.</p>
      ) : (
        <ul className="share-links__list" aria-label="Links to this replay">
          {links.data.map((link: ShareLink) => (
            <li key={link.id} className="share-links__item">
              <Badge tone={STATE_TONE[link.state]}>{link.state}</Badge>
              <span>
                {link.state === 'revoked' ? 'Revoked' : link.state === 'expired' ? 'Expired' : 'Works until'} {formatFullDateTime(link.revokedAt ?? link.expiresAt)}
                {link.includeNotes ? ' · with notes' : ''} · by {link.mine ? 'you' : (link.createdBy.name ?? 'a former participant')}
              </span>
              {link.state === 'active' &&
                link.canRevoke &&
                (confirming === link.id ? (
                  <span className="share-links__confirm">
                    <Button size="sm" variant="danger" onClick={() => revoke.mutate(link.id)} loading={revoke.isPending}>
                      Revoke now
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      Keep
                    </Button>
                  </span>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => setConfirming(link.id)}>
                    Revoke…
                  </Button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {revoke.isError && (
        <Alert tone="error" title="The link could not be revoked.">
          {describeError(revoke.error)}
        </Alert>
      )}
    </Card>
  );
}
