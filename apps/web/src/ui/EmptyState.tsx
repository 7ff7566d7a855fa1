import type { ReactNode } from 'react';
import './EmptyState.css';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}

/** What an empty list shows: what is missing and what to do next. */
export function EmptyState({ icon, title, description, action, headingLevel = 3 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="pb-empty">
      {icon && (
        <div className="pb-empty__icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <Heading className="pb-empty__title">{title}</Heading>
      {description && <p className="pb-empty__description">{description}</p>}
      {action && <div className="pb-empty__action">{action}</div>}
    </div>
  );
}
