import type { KeyboardEvent, ReactNode } from 'react';

/** Sends a room event and reports a failure to the panel's owner instead of throwing. */
export type Run = (action: Promise<unknown>) => Promise<unknown>;

export const isSubmitKey = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="side-panel__section" data-testid={testId}>
      <h2 className="side-panel__heading">{title}</h2>
      {children}
    </section>
  );
}

export function List({ items }: { items: string[] }) {
  if (items.length === 0) return <p className="side-panel__muted">Nothing listed.</p>;
  return (
    <ul className="side-panel__list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
