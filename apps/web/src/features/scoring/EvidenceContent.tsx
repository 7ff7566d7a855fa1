import type { EvidenceQuote } from '@pairboard/contracts';
import { formatSessionTime } from './labels';

/** A note's stamp: the phase it was written in and the session time. */
export function noteStamp(phaseIndex: number | null, sessionMs: number | null, phaseNames: string[]): string {
  const phase = phaseIndex !== null ? (phaseNames[phaseIndex] ?? `Phase ${phaseIndex + 1}`) : 'Before start';
  return `${phase} · ${formatSessionTime(sessionMs)}`;
}

// An empty wording means the interviewer chose to share nothing of that note.
const sharedQuotes = (quotes: EvidenceQuote[]) => quotes.filter((quote) => quote.text.trim() !== '');

export const sharesAnything = (quotes: EvidenceQuote[], text: string) => text !== '' || sharedQuotes(quotes).length > 0;

/**
 * Evidence as the candidate reads it. The submitted scorecard and the interviewer's preview while
 * picking both render it here, so the preview cannot differ from what is shared.
 */
export function EvidenceContent({ quotes, text, phaseNames }: { quotes: EvidenceQuote[]; text: string; phaseNames: string[] }) {
  const shown = sharedQuotes(quotes);
  if (shown.length === 0 && !text) return null;
  return (
    <>
      {shown.length > 0 && (
        <ul className="scorecard__quotes">
          {shown.map((quote) => (
            <li key={quote.noteId}>
              <span className="scorecard__stamp">{noteStamp(quote.phaseIndex, quote.sessionMs, phaseNames)}</span>
              <span className="scorecard__quote-text">{quote.text}</span>
            </li>
          ))}
        </ul>
      )}
      {text && <p className="scorecard__evidence-text">{text}</p>}
    </>
  );
}
