import type { BoardFileSync, FileTransfer } from '@pairboard/board-binding';
import { useSyncExternalStore } from 'react';
import { Spinner } from '../../ui';
import './FileTransfers.css';

const noTransfers: readonly FileTransfer[] = [];
const noSubscription = () => () => undefined;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describe(transfer: FileTransfer): string {
  const size = formatBytes(transfer.size);
  if (transfer.status === 'active') return transfer.direction === 'upload' ? `Uploading image (${size})…` : `Loading image (${size})…`;
  if (transfer.direction === 'upload') {
    return transfer.failure?.permanent ? 'Image not added.' : 'Image not uploaded yet; only you can see it.';
  }
  return 'An image on the board could not be loaded.';
}

/**
 * Images on their way to or from the server, over the bottom of the board: a spinner while they
 * move, and what went wrong with a way forward when they fail.
 */
export function FileTransfers({ sync }: { sync: BoardFileSync | null }) {
  const transfers = useSyncExternalStore(sync?.subscribe ?? noSubscription, sync?.getTransfers ?? (() => noTransfers));
  if (!sync || transfers.length === 0) return null;
  return (
    <ul className="file-transfers" aria-label="Images" data-testid="file-transfers">
      {transfers.map((transfer) => (
        <li
          key={`${transfer.direction}:${transfer.id}`}
          className={`file-transfer file-transfer--${transfer.status}`}
          role={transfer.status === 'failed' ? 'alert' : 'status'}
          data-direction={transfer.direction}
          data-status={transfer.status}
        >
          {transfer.status === 'active' ? <Spinner size="sm" label={null} /> : <span className="file-transfer__mark" aria-hidden="true">!</span>}
          <span className="file-transfer__text">
            <strong>{describe(transfer)}</strong>
            {transfer.failure && <span className="file-transfer__reason">{transfer.failure.message}</span>}
          </span>
          {transfer.status === 'failed' && !transfer.failure?.permanent && (
            <button type="button" className="file-transfer__action" onClick={() => sync.retry(transfer.id)}>
              Retry
            </button>
          )}
          {transfer.status === 'failed' && (
            <button type="button" className="file-transfer__action" onClick={() => sync.dismiss(transfer.id)} aria-label="Dismiss">
              Dismiss
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
