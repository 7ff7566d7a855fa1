/** A calendar-leaf picture of a date: what people look for first in a list of sessions. */
export function DateTile({ iso, muted }: { iso: string | null; muted?: boolean }) {
  if (!iso) return <span className="date-tile date-tile--empty" aria-hidden="true">?</span>;
  const at = new Date(iso);
  return (
    <span className={`date-tile${muted ? ' date-tile--muted' : ''}`} aria-hidden="true">
      <span className="date-tile__month">{at.toLocaleDateString(undefined, { month: 'short' })}</span>
      <span className="date-tile__day">{at.getDate()}</span>
      <span className="date-tile__time">{at.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}</span>
    </span>
  );
}
