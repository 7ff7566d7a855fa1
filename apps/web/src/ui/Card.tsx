import { useId, type ReactNode } from 'react';
import { cx } from './cx';
import './Card.css';

interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** The heading level of the title, so cards fit the page's outline. */
  headingLevel?: 2 | 3;
  className?: string;
  children?: ReactNode;
}

/** A titled card is a named region, so it can be found by its title. */
export function Card({ title, description, actions, headingLevel = 2, className, children }: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = useId();
  return (
    <section className={cx('pb-card', className)} aria-labelledby={title ? titleId : undefined}>
      {(title || actions) && (
        <header className="pb-card__header">
          <div className="pb-card__heading">
            {title && (
              <Heading id={titleId} className="pb-card__title">
                {title}
              </Heading>
            )}
            {description && <p className="pb-card__description">{description}</p>}
          </div>
          {actions && <div className="pb-card__actions">{actions}</div>}
        </header>
      )}
      {children !== undefined && <div className="pb-card__body">{children}</div>}
    </section>
  );
}

export function CardFooter({ children }: { children: ReactNode }) {
  return <div className="pb-card__footer">{children}</div>;
}
