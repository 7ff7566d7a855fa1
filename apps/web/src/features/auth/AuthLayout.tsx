import type { ReactNode } from 'react';
import { CenteredPage } from '../../ui';
import './AuthLayout.css';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Below the card: the way to the other auth page. */
  aside: ReactNode;
}

export function AuthLayout({ title, subtitle, children, aside }: AuthLayoutProps) {
  return (
    <CenteredPage footer="Pairboard · practise system design interviews in pairs">
      <div className="auth__heading">
        <h1 className="auth__title">{title}</h1>
        {subtitle && <p className="auth__subtitle">{subtitle}</p>}
      </div>
      <div className="auth__card">{children}</div>
      <p className="auth__aside">{aside}</p>
    </CenteredPage>
  );
}
