import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../features/auth/AuthContext';
import { VerifyEmailBanner } from '../features/auth/VerifyEmailBanner';
import { NotificationBell } from '../features/notifications';
import { AvatarMenu, LoadingBlock, SignOutIcon, TopBar, TopBarLink, UserIcon } from '../ui';
import './AppShell.css';

export function AppShell({ children }: { children?: ReactNode }) {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After client-side navigation, start keyboard and screen-reader users at the new content.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  const handleSignOut = async () => {
    await signOut();
    navigate('/signin', { replace: true });
  };

  return (
    <div className="app-shell">
      <a href="#main" className="pb-skip-link">
        Skip to content
      </a>
      <TopBar
        nav={
          <>
            <TopBarLink to="/practise">Practise</TopBarLink>
            <TopBarLink to="/" end>
              Interviews
            </TopBarLink>
            <TopBarLink to="/invitations">Invitations</TopBarLink>
            <TopBarLink to="/questions">Questions</TopBarLink>
            <TopBarLink to="/progress">Progress</TopBarLink>
            <TopBarLink to="/scripts">Scripts</TopBarLink>
          </>
        }
        actions={
          user && (
            <>
              <NotificationBell />
              <AvatarMenu
              name={user.name}
              email={user.email}
              items={[
                { label: 'Profile', to: '/profile', icon: <UserIcon /> },
                { label: 'Sign out', onSelect: handleSignOut, icon: <SignOutIcon /> },
              ]}
            />
            </>
          )
        }
      />
      <main id="main" ref={main} className="app-shell__main" tabIndex={-1}>
        <VerifyEmailBanner />
        <Suspense fallback={<LoadingBlock />}>{children ?? <Outlet />}</Suspense>
      </main>
    </div>
  );
}
