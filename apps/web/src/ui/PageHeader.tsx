import type { ReactNode } from 'react';
import './PageHeader.css';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="pb-page-header">
      <div>
        <h1 className="pb-page-header__title">{title}</h1>
        {description && <p className="pb-page-header__description">{description}</p>}
      </div>
      {actions && <div className="pb-page-header__actions">{actions}</div>}
    </div>
  );
}
