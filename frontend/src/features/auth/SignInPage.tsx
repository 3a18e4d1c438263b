import { useState, type FormEvent } from 'react';
import { fieldErrorsFromProblem } from '../../api/problems';
import { Button, ErrorSummary, Input, NotificationBanner, type ErrorItem } from '../../components/govuk';
import { formatWait } from '../../format';
import { isLocalPath, useLocation, useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useAuth } from './AuthContext';

const FIELDS = ['username', 'password'] as const;
type Field = (typeof FIELDS)[number];

interface Errors {
  summary: ErrorItem[];
  byField: Partial<Record<Field, string>>;
}

const NO_ERRORS: Errors = { summary: [], byField: {} };

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
export function signInPath(returnTo: string): string {
  return returnTo === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

export function SignInPage() {
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const params = useSearchParams();
  const returnTo = params.get('returnTo');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [sending, setSending] = useState(false);
  const hasErrors = errors.summary.length > 0;
  usePageTitle('Sign in', hasErrors);

  const signedOutNotice =
    state.status === 'signedOut' && state.reason === 'signedOut'
      ? 'You have signed out'
      : state.status === 'signedOut' && state.reason === 'expired'
        ? 'You have been signed out. Sign in again to carry on.'
        : (location.state as { notice?: string } | null)?.notice;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const byField: Errors['byField'] = {};
    if (!username.trim()) byField.username = 'Enter your username';
    if (!password) byField.password = 'Enter your password';
    if (byField.username || byField.password) {
      setErrors({
        byField,
        summary: FIELDS.filter((f) => byField[f]).map((f) => ({ text: byField[f] as string, href: `#${f}` })),
      });
      return;
    }
    setSending(true);
    const result = await signIn(username.trim(), password);
    setSending(false);
    if (result.ok) {
      navigate(isLocalPath(returnTo) && !returnTo.startsWith('/sign-') ? returnTo : '/', { replace: true });
      return;
    }
    setPassword('');
    if (result.status === 401) {
      const message = 'Enter a correct username and password';
      setErrors({ summary: [{ text: message, href: '#username' }], byField: { username: message } });
    } else if (result.status === 429) {
      const wait = result.retryAfterSeconds;
      const message =
        wait !== undefined
          ? `You have tried to sign in too many times. Wait ${formatWait(wait)} before you try again.`
          : (result.problem.detail ?? 'You have tried to sign in too many times. Wait a few minutes before you try again.');
      setErrors({ summary: [{ text: message }], byField: {} });
    } else if (result.status === 400 || result.status === 422) {
      const mapped = fieldErrorsFromProblem(result.problem, [...FIELDS]);
      setErrors({ summary: mapped.summary, byField: mapped.byField as Errors['byField'] });
    } else if (result.status === 0) {
      setErrors({
        summary: [{ text: 'You cannot sign in while you are offline. Check your connection and try again.' }],
        byField: {},
      });
    } else {
      setErrors({ summary: [{ text: 'Sorry, there is a problem with the service. Try again later.' }], byField: {} });
    }
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {hasErrors && <ErrorSummary errors={errors.summary} />}
        {!hasErrors && signedOutNotice && <NotificationBanner type="success" heading={signedOutNotice} autoFocus={false} />}
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">Sign in with the username and password your organisation gave you.</p>
        <form noValidate onSubmit={onSubmit} action="/sign-in" method="post">
          <Input
            id="username"
            label="Username"
            hint="This is usually your work email address"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            error={errors.byField.username}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            className="govuk-!-width-two-thirds"
          />
          <Input
            id="password"
            label="Password"
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.byField.password}
            autoComplete="current-password"
            spellCheck={false}
            autoCapitalize="none"
            className="govuk-!-width-two-thirds"
          />
          <Button disabled={sending} preventDoubleClick>
            Sign in
          </Button>
        </form>
      </div>
    </div>
  );
}
