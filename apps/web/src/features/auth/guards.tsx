import { Navigate, Outlet, useLocation, type Location } from 'react-router';
import { useAuth } from './AuthContext';

const GUEST_PATHS = ['/signin', '/signup'];

/** Where to go after signing in: back to the page that asked for it, if it is one of ours. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: Partial<Location> } | null)?.from;
  const pathname = from?.pathname;
  if (typeof pathname !== 'string' || !pathname.startsWith('/') || pathname.startsWith('//')) return '/';
  if (GUEST_PATHS.includes(pathname)) return '/';
  return `${pathname}${from?.search ?? ''}${from?.hash ?? ''}`;
}

export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status !== 'signedIn') return <Navigate to="/signin" replace state={{ from: location }} />;
  return <Outlet />;
}

export function GuestOnly() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'signedIn') return <Navigate to={returnPath(location.state)} replace />;
  return <Outlet />;
}
