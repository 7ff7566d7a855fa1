import type { ShowUpRecord } from '@pairboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '../../api';
import { Badge, Card, LoadErrorAlert, Skeleton } from '../../ui';
import { fetchShowUpRecord, showUpRecordQueryKey } from './pairing-api';
import './ShowUpRecordCard.css';

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

/** The caller's show-up record: what the matchmaker holds about them, so nothing about it is hidden. */
export function ShowUpRecordCard() {
  const client = useApiClient();
  const record = useQuery({ queryKey: showUpRecordQueryKey, queryFn: ({ signal }) => fetchShowUpRecord(client, signal) });

  return (
    <Card title="Your show-up record" description="People who come to their sessions are matched first.">
      {record.isPending ? (
        <div role="status" aria-label="Loading your show-up record" className="show-up__loading">
          <Skeleton width="70%" height={14} />
          <Skeleton width="100%" height={10} />
        </div>
      ) : record.isError ? (
        <LoadErrorAlert title="Your show-up record could not be loaded." query={record} />
      ) : (
        <RecordSummary record={record.data} />
      )}
    </Card>
  );
}

function RecordSummary({ record }: { record: ShowUpRecord }) {
  const percent = Math.round(record.reliability * 100);
  const tone = percent >= 80 ? 'good' : percent >= 60 ? 'fair' : 'poor';
  return (
    <div className="show-up">
      <p className="show-up__figures">
        <strong>{record.attended}</strong> attended · <strong>{record.missed}</strong> missed in the last {record.windowDays} days
      </p>
      <div className="show-up__meter" role="meter" aria-label="Reliability" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className={`show-up__fill show-up__fill--${tone}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="show-up__caption">Reliability {percent}%</p>
      {record.misses.length === 0 ? (
        <p className="show-up__empty">No missed sessions.</p>
      ) : (
        <ul className="show-up__misses" aria-label="Missed sessions">
          {record.misses.map((miss) => (
            <li key={miss.interviewId}>
              <Link to={`/interviews/${miss.interviewId}`}>{miss.title}</Link>
              <span className="show-up__when">{dateFormat.format(new Date(miss.scheduledAt))}</span>
              <Badge tone={miss.kind === 'no_show' ? 'danger' : 'warning'}>{miss.kind === 'no_show' ? 'Did not join' : 'Cancelled late'}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
