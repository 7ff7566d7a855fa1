import { loginRequestSchema } from '@pairboard/contracts';
import { Link, useLocation } from 'react-router';
import { useZodForm } from '../../forms/useZodForm';
import { Alert, Button, EmailField, PasswordField, useDocumentTitle } from '../../ui';
import { useAuth } from './AuthContext';
import { AuthLayout } from './AuthLayout';

export default function SignInPage() {
  useDocumentTitle('Sign in');
  const { signIn } = useAuth();
  const location = useLocation();
  const form = useZodForm(loginRequestSchema, { email: '', password: '' }, signIn);

  return (
    <AuthLayout
      title="Sign in to Pairboard"
      subtitle="Welcome back. Pick up where you left off."
      aside={
        <>
          New to Pairboard?{' '}
          <Link to="/signup" state={location.state}>
            Create an account
          </Link>
        </>
      }
    >
      <form className="auth__form" noValidate onSubmit={form.handleSubmit} aria-label="Sign in">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <EmailField
          {...form.field('email')}
          label="Email"
          autoComplete="email"
          autoFocus
        />
        <PasswordField {...form.field('password')} label="Password" autoComplete="current-password" />
        <Button type="submit" variant="primary" size="lg" block loading={form.pending} className="auth__submit">
          {form.pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </AuthLayout>
  );
}
