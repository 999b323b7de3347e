/** /login: staff sign in with email and password, then go back to the page that sent them here. */
import { type FormEvent, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { login } from '../api';
import { ApiFailure } from '../api-failure';
import { FailureMessage } from '../components/failure-message';
import { returnPathFrom } from '../return-path';
import { useDocumentTitle } from '../use-document-title';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const search = useSearch();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [signingIn, setSigningIn] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signingIn) return;
    setSigningIn(true);
    setFailure(null);
    try {
      await login(email, password);
      navigate(returnPathFrom(search), { replace: true });
    } catch (error) {
      setSigningIn(false);
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
    }
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={signIn}>
        <p className="brand">Audition</p>
        <h1>Sign in</h1>
        <p className="muted">For hiring staff: authors, reviewers and admins.</p>
        <label htmlFor="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          // biome-ignore lint/a11y/noAutofocus: signing in is the only thing this page is for
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="alert-slot" role="alert" aria-live="assertive">
          {failure && (
            <div className="alert">
              <FailureMessage failure={failure} />
            </div>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={signingIn}>
          {signingIn ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
