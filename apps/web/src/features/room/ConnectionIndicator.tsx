import { cx, CheckIcon } from '../../ui';
import { describeSync, unsavedChanges, unsavedUpdates, type SyncState } from './connection-state';

/** Always visible in the room header: whether the board is connected and whether changes are saved. */
export function ConnectionIndicator({ state }: { state: SyncState }) {
  const indicator = describeSync(state);
  return (
    <div
      className={cx('connection', `connection--${indicator.tone}`)}
      role="status"
      title={indicator.detail}
      data-testid="connection-state"
      data-phase={state.phase}
      data-unsaved={unsavedChanges(state)}
      data-unsaved-updates={unsavedUpdates(state)}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{indicator.label}</span>
      {indicator.saving && (
        <>
          <span className="connection__separator" aria-hidden="true">
            ·
          </span>
          <span className="connection__saving">
            {indicator.saving}
            {indicator.saving === 'Saved' && <CheckIcon size={14} />}
          </span>
        </>
      )}
      <span className="pb-visually-hidden">. {indicator.detail}</span>
    </div>
  );
}
