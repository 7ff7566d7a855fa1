import { PEER_RATING_ASPECTS, type Interview, type PeerFeedback, type PeerFeedbackList, type PeerRatingAspect } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { Alert, BackLink, Button, Card, CompassIcon, cx, EmptyState, LoadErrorAlert, LoadingBlock, PageHeader, QueryFailure, useDocumentTitle } from '../../ui';
import { InterviewNotFound } from '../interviews/InterviewPage';
import { fetchInterview, interviewQueryKey } from '../interviews/interviews-api';
import { formatFullDateTime } from '../interviews/schedule';
import { TextArea } from './ScorecardEditor';
import { ASPECT_LABEL } from './labels';
import { feedbackQueryKey, fetchFeedback, saveFeedback } from './scoring-api';
import './Scoring.css';

/** `/interviews/:id/feedback`: the candidate rates the interviewer; the interviewer reads what they got. */
export default function FeedbackPage() {
  const { interviewId = '' } = useParams();
  const client = useApiClient();
  const interview = useQuery({ queryKey: interviewQueryKey(interviewId), queryFn: ({ signal }) => fetchInterview(client, interviewId, signal) });
  const feedback = useQuery({
    queryKey: feedbackQueryKey(interviewId),
    queryFn: ({ signal }) => fetchFeedback(client, interviewId, signal),
    enabled: interview.data !== undefined && interview.data.myRole !== 'observer',
  });
  useDocumentTitle(interview.data ? `Feedback · ${interview.data.title}` : 'Feedback');
  const back = <BackLink to={`/interviews/${encodeURIComponent(interviewId)}`}>Interview</BackLink>;

  let content;
  if (interview.isPending || (feedback.isPending && feedback.fetchStatus !== 'idle')) content = <LoadingBlock label="Loading feedback" />;
  else if (interview.isError)
    content = <QueryFailure query={interview} title="This interview could not be loaded." notFound={<InterviewNotFound />} />;
  else if (interview.data.myRole === 'observer')
    content = (
      <Card>
        <EmptyState headingLevel={2} icon={<CompassIcon size={22} />} title="Nothing to rate" description="Only the candidate rates the interviewer." />
      </Card>
    );
  else if (feedback.isError) content = <LoadErrorAlert title="Feedback could not be loaded." query={feedback} />;
  else if (!feedback.data) content = null;
  else if (interview.data.myRole === 'candidate') content = <RateInterviewers interview={interview.data} feedback={feedback.data} />;
  else content = <ReceivedFeedback items={feedback.data.items} />;
  return (
    <>
      {back}
      {content}
    </>
  );
}

function RateInterviewers({ interview, feedback }: { interview: Interview; feedback: PeerFeedbackList }) {
  const started = interview.startedAt !== null;
  return (
    <div className="feedback-page">
      <PageHeader title="Rate your interviewer" description={`${interview.title} · your ratings help match you with good peers, and help them improve.`} />
      {!started ? (
        <Card>
          <EmptyState headingLevel={2} icon={<CompassIcon size={22} />} title="Not yet" description="You can rate your interviewer once the interview has started." />
        </Card>
      ) : feedback.rateable.length === 0 ? (
        <Card>
          <EmptyState headingLevel={2} icon={<CompassIcon size={22} />} title="No interviewer to rate" description="This interview has no interviewer with an account." />
        </Card>
      ) : (
        feedback.rateable.map((interviewer) => (
          <RatingForm
            key={interviewer.userId}
            interviewId={interview.id}
            interviewer={interviewer}
            named={feedback.rateable.length > 1}
            existing={feedback.items.find((item) => item.to.userId === interviewer.userId)}
          />
        ))
      )}
    </div>
  );
}

type Ratings = Record<PeerRatingAspect, number | null>;

function RatingForm({
  interviewId,
  interviewer,
  named,
  existing,
}: {
  interviewId: string;
  interviewer: { userId: string; name: string };
  named: boolean;
  existing: PeerFeedback | undefined;
}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [ratings, setRatings] = useState<Ratings>({
    preparedness: existing?.preparedness ?? null,
    hintClarity: existing?.hintClarity ?? null,
    helpfulness: existing?.helpfulness ?? null,
  });
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<PeerFeedback | null>(existing ?? null);
  const locked = saved !== null && Date.parse(saved.editableUntil) < Date.now();
  const complete = PEER_RATING_ASPECTS.every((aspect) => ratings[aspect] !== null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!complete) return;
    setSaving(true);
    setError(null);
    try {
      const result = await saveFeedback(client, interviewId, {
        ...(named ? { interviewerId: interviewer.userId } : {}),
        preparedness: ratings.preparedness as number,
        hintClarity: ratings.hintClarity as number,
        helpfulness: ratings.helpfulness as number,
        comment,
      });
      setSaved(result);
      void queryClient.invalidateQueries({ queryKey: feedbackQueryKey(interviewId) });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={interviewer.name || 'Your interviewer'} description={saved ? `You can change your rating until ${formatFullDateTime(saved.editableUntil)}.` : undefined}>
      <form className="rating-form" aria-label={`Rate ${interviewer.name}`} onSubmit={submit}>
        {error && <Alert tone="error">{error}</Alert>}
        {PEER_RATING_ASPECTS.map((aspect) => (
          <StarRating
            key={aspect}
            label={ASPECT_LABEL[aspect].name}
            hint={ASPECT_LABEL[aspect].question}
            value={ratings[aspect]}
            disabled={locked}
            onChange={(value) => setRatings((current) => ({ ...current, [aspect]: value }))}
          />
        ))}
        <TextArea label="Anything they should know? (optional)" value={comment} maxLength={2000} rows={3} onChange={setComment} />
        <div className="rating-form__footer">
          {saved && (
            <span className="save-state save-state--saved" role="status">
              Thanks — your rating is saved.
            </span>
          )}
          <Button type="submit" variant="primary" loading={saving} disabled={!complete || locked}>
            {saved ? 'Update rating' : 'Send rating'}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function StarRating({ label, hint, value, disabled, onChange }: { label: string; hint: string; value: number | null; disabled: boolean; onChange(value: number): void }) {
  const name = useId();
  return (
    <fieldset className="stars" disabled={disabled}>
      <legend className="stars__legend">{label}</legend>
      <p className="stars__hint">{hint}</p>
      <div className="stars__row">
        {[1, 2, 3, 4, 5].map((step) => (
          <label key={step} className={cx('stars__star', value !== null && step <= value && 'stars__star--on')}>
            <input type="radio" name={name} value={step} checked={value === step} onChange={() => onChange(step)} aria-label={`${label}: ${step} of 5`} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
        <span className="stars__value">{value ? `${value} / 5` : 'Not rated'}</span>
      </div>
    </fieldset>
  );
}

function ReceivedFeedback({ items }: { items: PeerFeedback[] }) {
  return (
    <div className="feedback-page">
      <PageHeader title="Feedback on your interviewing" description="What the candidate thought of the session you ran." />
      {items.length === 0 ? (
        <Card>
          <EmptyState headingLevel={2} icon={<CompassIcon size={22} />} title="No feedback yet" description="The candidate has not rated this session yet." />
        </Card>
      ) : (
        items.map((item) => (
          <Card key={item.id} title={`From ${item.from.name}`} description={formatFullDateTime(item.updatedAt)}>
            <dl className="received">
              {PEER_RATING_ASPECTS.map((aspect) => (
                <div key={aspect}>
                  <dt>{ASPECT_LABEL[aspect].name}</dt>
                  <dd>
                    <span className="received__stars" aria-hidden="true">
                      {'★'.repeat(item[aspect])}
                      <span className="received__off">{'★'.repeat(5 - item[aspect])}</span>
                    </span>
                    {item[aspect]} / 5
                  </dd>
                </div>
              ))}
            </dl>
            {item.comment && <p className="scorecard__feedback">{item.comment}</p>}
          </Card>
        ))
      )}
    </div>
  );
}
