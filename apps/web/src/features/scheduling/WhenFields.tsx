import { TextField } from '../../ui';
import { localDateTimeToIso, todayInputValue } from '../interviews/schedule';

export interface WhenValue {
  date: string;
  time: string;
}

/** The chosen local date and time as ISO 8601 with the browser's offset; an error message otherwise. */
export function whenToIso(value: WhenValue, now = Date.now()): { iso: string } | { error: string } {
  if (!value.date || !value.time) return { error: 'Pick a date and a start time' };
  const iso = localDateTimeToIso(value.date, value.time);
  if (!iso) return { error: 'That date or time does not exist' };
  if (Date.parse(iso) <= now) return { error: 'Pick a time in the future' };
  return { iso };
}

/** A date and a start time, typed in the person's own time zone. */
export function WhenFields({ value, onChange, error, idPrefix }: { value: WhenValue; onChange: (value: WhenValue) => void; error?: string; idPrefix: string }) {
  return (
    <div className="when-fields">
      <TextField
        id={`${idPrefix}-date`}
        label="Date"
        type="date"
        min={todayInputValue(Date.now())}
        value={value.date}
        onChange={(event) => onChange({ ...value, date: event.target.value })}
        error={error}
      />
      <TextField id={`${idPrefix}-time`} label="Start time" type="time" value={value.time} onChange={(event) => onChange({ ...value, time: event.target.value })} />
    </div>
  );
}
