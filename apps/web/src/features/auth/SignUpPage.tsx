import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, registerRequestSchema } from '@pairboard/contracts';
import { Link, useLocation } from 'react-router';
import { useZodForm } from '../../forms/useZodForm';
import { Alert, Button, EmailField, PasswordField, TextField, useDocumentTitle } from '../../ui';
import { useAuth } from './AuthContext';
import { AuthLayout } from './AuthLayout';

export default function SignUpPage() {
  useDocumentTitle('Create your account');
  const { signUp } = useAuth();
  const location = useLocation();
  const form = useZodForm(registerRequestSchema, { name: '', email: '', password: '' }, signUp, {
    fieldForCode: { EMAIL_TAKEN: 'email' },
  });

  return (
    <AuthLayout
      title="Create your Pairboard account"
      subtitle="Practise system design interviews with a partner."
      aside={
        <>
          Already have an account?{' '}
          <Link to="/signin" state={location.state}>
            Sign in
          </Link>
        </>
      }
    >
      <form className="auth__form" noValidate onSubmit={form.handleSubmit} aria-label="Create account">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        <TextField {...form.field('name')} label="Name" autoComplete="name" autoFocus />
        <EmailField
          {...form.field('email')}
          label="Email"
          autoComplete="email"
        />
        <PasswordField
          {...form.field('password')}
          label="Password"
          autoComplete="new-password"
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not a common password. A passphrase of a few words works well.`}
        />
        <Button type="submit" variant="primary" size="lg" block loading={form.pending} className="auth__submit">
          {form.pending ? 'Creating account…' : 'Create account'}
        </Button>
      </form>
    </AuthLayout>
  );
}
