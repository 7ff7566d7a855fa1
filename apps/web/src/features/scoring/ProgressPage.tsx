import type { Progress, Trend } from '@pairboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApiClient } from '../../api';
import { Card, CompassIcon, EmptyState, LinkButton, LoadErrorAlert, LoadingBlock, PageHeader, PlusIcon, useDocumentTitle } from '../../ui';
import { usePrefersDark } from '../room/usePrefersDark';
import { fetchProgress, progressQueryKey } from './scoring-api';
import './Scoring.css';

/** Chart colours per theme: SVG attributes cannot read the CSS variables, so the palette is chosen here. */
const PALETTE = {
  light: { line: '#5b5bd6', planned: '#b9bbc6', actual: '#5b5bd6', grid: '#e3e3e8', text: '#5b5b66', surface: '#ffffff', border: '#cfcfd6' },
  dark: { line: '#a9abf7', planned: '#6e6e7a', actual: '#8d8ff0', grid: '#28282e', text: '#a6a6b0', surface: '#1d1d21', border: '#3a3a42' },
};

const TREND_TEXT: Record<Trend, { arrow: string; label: string }> = {
  up: { arrow: '↑', label: 'improving' },
  down: { arrow: '↓', label: 'slipping' },
  flat: { arrow: '→', label: 'steady' },
};

const shortDate = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

/** `/progress`: how the signed-in person has done as a candidate over time. */
export default function ProgressPage() {
  const client = useApiClient();
  const progress = useQuery({ queryKey: progressQueryKey, queryFn: ({ signal }) => fetchProgress(client, signal) });
  useDocumentTitle('Progress');
  return (
    <div className="progress-page">
      <PageHeader title="Progress" description="Your scores per rubric dimension over time, and where your interview time goes." />
      {progress.isPending ? (
        <LoadingBlock label="Loading your progress" />
      ) : progress.isError ? (
        <LoadErrorAlert title="Your progress could not be loaded." query={progress} />
      ) : progress.data.sessionsDone === 0 && progress.data.scorecards.length === 0 ? (
        <Card>
          <EmptyState
            headingLevel={2}
            icon={<CompassIcon size={22} />}
            title="Nothing to chart yet"
            description="Once you have practised as a candidate and your interviewer has submitted a scorecard, your scores and timings appear here."
            action={
              <LinkButton to="/interviews/new" variant="primary" icon={<PlusIcon />}>
                Start practising
              </LinkButton>
            }
          />
        </Card>
      ) : (
        <ProgressCharts progress={progress.data} />
      )}
    </div>
  );
}

function ProgressCharts({ progress }: { progress: Progress }) {
  const colours = usePrefersDark() ? PALETTE.dark : PALETTE.light;
  const tooltipStyle = { background: colours.surface, border: `1px solid ${colours.border}`, borderRadius: 8, color: colours.text, fontSize: 13 };
  const points = progress.scorecards.map((card) => ({ date: shortDate(card.at), title: card.title, ...card.scores }));

  return (
    <>
      <section className="progress-summary" aria-label="Summary">
        <div className="progress-stat">
          <span className="progress-stat__value">{progress.sessionsDone}</span>
          <span className="progress-stat__label">sessions done</span>
        </div>
        <div className="progress-stat">
          <span className="progress-stat__value">{progress.scorecards.length}</span>
          <span className="progress-stat__label">scorecards</span>
        </div>
        {progress.dimensions.map((dimension) => (
          <div key={dimension.key} className="progress-stat">
            <span className="progress-stat__value">
              {dimension.average?.toFixed(1) ?? '—'}
              {dimension.trend && (
                <span className={`progress-trend progress-trend--${dimension.trend}`} title={TREND_TEXT[dimension.trend].label}>
                  {TREND_TEXT[dimension.trend].arrow}
                  <span className="pb-visually-hidden"> {TREND_TEXT[dimension.trend].label}</span>
                </span>
              )}
            </span>
            <span className="progress-stat__label">{dimension.name}</span>
          </div>
        ))}
      </section>

      <Card title="Scores over time" description="Each point is one submitted scorecard (1 = no hire, 4 = strong hire).">
        {points.length === 0 ? (
          <p className="scorecard__muted">No submitted scorecards yet.</p>
        ) : (
          <div className="progress-lines">
            {progress.dimensions.map((dimension) => (
              <figure key={dimension.key} className="progress-line" aria-label={`${dimension.name} scores over time`}>
                <figcaption className="progress-line__title">{dimension.name}</figcaption>
                <ResponsiveContainer width="100%" height={140}>
                  <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -28 }}>
                    <CartesianGrid stroke={colours.grid} vertical={false} />
                    <XAxis dataKey="date" tick={{ fill: colours.text, fontSize: 11 }} stroke={colours.grid} />
                    <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} tick={{ fill: colours.text, fontSize: 11 }} stroke={colours.grid} />
                    <Tooltip contentStyle={tooltipStyle} labelFormatter={(_label, payload) => payload?.[0]?.payload.title ?? ''} />
                    <Line
                      type="monotone"
                      dataKey={dimension.key}
                      name={dimension.name}
                      stroke={colours.line}
                      strokeWidth={2}
                      dot={{ r: 3, fill: colours.line }}
                      connectNulls
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </figure>
            ))}
          </div>
        )}
      </Card>

      <Card title="Time per phase" description="Average minutes you spent in each phase, against what the script plans.">
        {progress.phases.length === 0 ? (
          <p className="scorecard__muted">No finished sessions with a phase clock yet.</p>
        ) : (
          <figure className="progress-bars" aria-label="Minutes per phase, planned and actual">
            <ResponsiveContainer width="100%" height={280}>
              <BarChart data={progress.phases} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
                <CartesianGrid stroke={colours.grid} vertical={false} />
                <XAxis dataKey="name" tick={{ fill: colours.text, fontSize: 11 }} stroke={colours.grid} interval={0} />
                <YAxis tick={{ fill: colours.text, fontSize: 11 }} stroke={colours.grid} unit=" m" />
                <Tooltip contentStyle={tooltipStyle} cursor={{ fill: colours.grid }} formatter={(value) => `${value} min`} />
                <Legend wrapperStyle={{ fontSize: 12 }} formatter={(label) => <span style={{ color: colours.text }}>{label}</span>} />
                <Bar dataKey="plannedMinutes" name="Planned" fill={colours.planned} radius={[4, 4, 0, 0]} isAnimationActive={false} />
                <Bar dataKey="actualMinutes" name="You (average)" fill={colours.actual} radius={[4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        )}
      </Card>
    </>
  );
}
