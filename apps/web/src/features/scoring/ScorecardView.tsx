import type { Interview, RubricResponse, Scorecard } from '@pairboard/contracts';
import type { ReactNode } from 'react';
import { Badge, Card, LinkButton, PageHeader } from '../../ui';
import { formatFullDateTime } from '../interviews/schedule';
import { EvidenceContent, sharesAnything } from './EvidenceContent';
import { RECOMMENDATION_LABEL, SCORE_LABEL } from './labels';

interface ScorecardViewProps {
  interview: Interview;
  rubric: RubricResponse;
  scorecard: Scorecard;
  phaseNames: string[];
  audience: 'candidate' | 'interviewer';
  actions?: ReactNode;
  notice?: ReactNode;
}

/** A submitted scorecard, read-only: what the candidate sees, and what interviewers see once it is locked. */
export function ScorecardView({ interview, rubric, scorecard, phaseNames, audience, actions, notice }: ScorecardViewProps) {
  const total = rubric.dimensions.reduce((sum, dimension) => sum + (scorecard.scores[dimension.key] ?? 0), 0);
  return (
    <div className="scorecard">
      <PageHeader
        title={audience === 'candidate' ? 'Your scorecard' : 'Scorecard'}
        description={
          <span className="scorecard__summary">
            <span>{interview.title}</span>
            {scorecard.candidate.name && audience === 'interviewer' && <span>· {scorecard.candidate.name}</span>}
            {scorecard.submittedAt && <span>· submitted {formatFullDateTime(scorecard.submittedAt)}</span>}
          </span>
        }
        actions={actions}
      />
      {notice}
      <div className="scorecard__verdict">
        <div className="scorecard__verdict-item">
          <span className="scorecard__verdict-label">Recommendation</span>
          {scorecard.recommendation ? (
            <Badge tone={scorecard.recommendation.endsWith('yes') ? 'success' : 'danger'} className="scorecard__verdict-badge">
              {RECOMMENDATION_LABEL[scorecard.recommendation]}
            </Badge>
          ) : (
            <span>—</span>
          )}
        </div>
        <div className="scorecard__verdict-item">
          <span className="scorecard__verdict-label">Total</span>
          <span className="scorecard__verdict-value">
            {total} <span className="scorecard__muted">/ {rubric.dimensions.length * 4}</span>
          </span>
        </div>
      </div>

      {rubric.dimensions.map((dimension) => {
        const score = scorecard.scores[dimension.key] as 1 | 2 | 3 | 4 | undefined;
        const evidence = scorecard.evidence[dimension.key];
        return (
          <Card key={dimension.key} title={dimension.name} description={dimension.description} className="scorecard__dimension">
            <div className="scorecard__result" aria-label={`${dimension.name}: ${score ?? 'not scored'} of 4`}>
              <ScoreMeter score={score ?? 0} />
              <div>
                <p className="scorecard__result-label">{score ? `${score} · ${SCORE_LABEL[score]}` : 'Not scored'}</p>
                {score && <p className="scorecard__anchor">{dimension.anchors[score]}</p>}
              </div>
            </div>
            {evidence && sharesAnything(evidence.quotes, evidence.text) && (
              <div className="scorecard__evidence">
                <h3 className="scorecard__evidence-title">Evidence</h3>
                <EvidenceContent quotes={evidence.quotes} text={evidence.text} phaseNames={phaseNames} />
              </div>
            )}
          </Card>
        );
      })}

      <Card title={audience === 'candidate' ? 'Feedback for you' : 'Feedback for the candidate'}>
        {scorecard.feedback ? <p className="scorecard__feedback">{scorecard.feedback}</p> : <p className="scorecard__muted">No written feedback.</p>}
      </Card>
      {audience === 'candidate' && (
        <Card title="How was your interviewer?" description="Two minutes of your feedback helps the next candidate get a better session.">
          <LinkButton to={`/interviews/${encodeURIComponent(interview.id)}/feedback`} variant="primary">
            Rate your interviewer
          </LinkButton>
        </Card>
      )}
    </div>
  );
}

/** Four segments, filled up to the score: the number is also written beside it. */
export function ScoreMeter({ score }: { score: number }) {
  return (
    <span className="score-meter" aria-hidden="true">
      {[1, 2, 3, 4].map((step) => (
        <span key={step} className={`score-meter__step${step <= score ? ` score-meter__step--on score-meter__step--${score}` : ''}`} />
      ))}
    </span>
  );
}
