import { Link } from 'react-router';
import { LinkButton, useDocumentTitle } from '../../ui';
import './NotFoundPage.css';

export default function NotFoundPage({ signedIn }: { signedIn: boolean }) {
  useDocumentTitle('Page not found');
  return (
    <div className="not-found">
      <p className="not-found__code">404</p>
      <h1 className="not-found__title">Page not found</h1>
      <p className="not-found__text">The page you asked for does not exist or has moved.</p>
      {signedIn ? (
        <LinkButton to="/" variant="primary">
          Back to your dashboard
        </LinkButton>
      ) : (
        <p className="not-found__links">
          <Link to="/signin">Sign in</Link> or <Link to="/signup">create an account</Link>
        </p>
      )}
    </div>
  );
}
