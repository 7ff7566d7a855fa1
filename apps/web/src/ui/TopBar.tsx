import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { cx } from './cx';
import { LogoMark } from './icons';
import './TopBar.css';

interface TopBarProps {
  nav?: ReactNode;
  actions?: ReactNode;
}

export function TopBar({ nav, actions }: TopBarProps) {
  return (
    <header className="pb-topbar">
      <div className="pb-topbar__inner">
        <Link to="/" className="pb-topbar__brand">
          <LogoMark size={22} />
          <span>Pairboard</span>
        </Link>
        {nav && (
          <nav className="pb-topbar__nav" aria-label="Main">
            {nav}
          </nav>
        )}
        <div className="pb-topbar__actions">{actions}</div>
      </div>
    </header>
  );
}

export function TopBarLink({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <NavLink to={to} end={end} className={({ isActive }) => cx('pb-topbar__link', isActive && 'pb-topbar__link--active')}>
      {children}
    </NavLink>
  );
}
