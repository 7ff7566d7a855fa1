import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LogoMark } from './icons';
import './CenteredPage.css';

/** A single column in the middle of the screen, for pages outside the app shell. */
export function CenteredPage({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="pb-centered">
      <main className="pb-centered__main" id="main">
        <Link to="/" className="pb-centered__brand" aria-label="Pairboard home">
          <LogoMark size={32} />
        </Link>
        {children}
      </main>
      {footer && <footer className="pb-centered__footer">{footer}</footer>}
    </div>
  );
}
