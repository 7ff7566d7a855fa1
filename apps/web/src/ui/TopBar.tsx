import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { cx } from './cx';
import { CloseIcon, LogoMark, MenuIcon } from './icons';
import './TopBar.css';

interface TopBarProps {
  nav?: ReactNode;
  actions?: ReactNode;
}

/**
 * The app's top bar. Below its breakpoint (TopBar.css) the navigation folds behind a menu button, a
 * disclosure: it opens a panel of the same links, and closes on navigation, on Escape (focus goes
 * back to the button) and on a click elsewhere.
 */
export function TopBar({ nav, actions }: TopBarProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const rootRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navId = useId();

  useEffect(() => setMenuOpen(false), [pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      buttonRef.current?.focus();
    };
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('pointerdown', closeOnOutsidePointer);
    };
  }, [menuOpen]);

  return (
    <header ref={rootRef} className={cx('pb-topbar', menuOpen && 'pb-topbar--menu-open')}>
      <div className="pb-topbar__inner">
        {nav && (
          <button
            ref={buttonRef}
            type="button"
            className="pb-topbar__menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            aria-label="Menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon size={20} /> : <MenuIcon size={20} />}
          </button>
        )}
        <Link to="/" className="pb-topbar__brand">
          <LogoMark size={22} />
          <span>Pairboard</span>
        </Link>
        {nav && (
          <nav
            id={navId}
            className="pb-topbar__nav"
            aria-label="Main"
            // A link to the page already shown changes nothing the effect above sees.
            onClick={(event) => (event.target as Element).closest('a') && setMenuOpen(false)}
          >
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
