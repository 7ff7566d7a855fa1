import { useEffect, useId, useRef, useState } from 'react';
import { Button, CheckIcon, CopyIcon } from '../../ui';
import './CopyField.css';

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (or an insecure origin): select the text so Ctrl+C works.
    fallbackInput?.focus();
    fallbackInput?.select();
    return false;
  }
}

/** A read-only value with a copy button that says "Copied" for a moment. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <div className="pb-field copy-field">
      <label className="pb-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={input}
          id={id}
          className="pb-field__input copy-field__input"
          value={value}
          readOnly
          onFocus={(event) => event.target.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <Button
          onClick={async () => setState((await copyText(value, input.current)) ? 'copied' : 'manual')}
          icon={state === 'copied' ? <CheckIcon /> : <CopyIcon />}
        >
          {state === 'copied' ? 'Copied' : 'Copy link'}
        </Button>
      </div>
      <p id={`${id}-hint`} className="pb-field__message" aria-live="polite">
        {state === 'manual' ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.' : hint}
      </p>
    </div>
  );
}
