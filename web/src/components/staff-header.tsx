/** The bar on every staff page: the product, where you are, who is signed in, and the way out. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { logout, type Staff } from '../api';
import { ApiFailure } from '../api-failure';
import { FailureMessage } from './failure-message';

export function StaffHeader({ user }: { user: Staff }) {
  const [location, navigate] = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  async function signOut() {
    setSigningOut(true);
    setFailure(null);
    try {
      await logout();
      navigate('/login', { replace: true });
    } catch (error) {
      setSigningOut(false);
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
    }
  }

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header-bar">
        <Link href="/exercises" className="brand">
          Audition
        </Link>
        <nav aria-label="Staff">
          <Link href="/exercises" aria-current={sectionCurrent(location, '/exercises')}>
            Exercises
          </Link>
        </nav>
        <div className="session">
          <span className="session-email">{user.email}</span>
          <span className="role-badge">{user.role}</span>
          <button type="button" className="button button-quiet" onClick={signOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
      <div className="site-header-alert" role="alert">
        {failure && <FailureMessage failure={failure} />}
      </div>
    </header>
  );
}

/** "page" on the section's own page, "true" on the pages inside it (an exercise's preview), else nothing. */
function sectionCurrent(location: string, section: string): 'page' | 'true' | undefined {
  if (location === section) return 'page';
  return location.startsWith(`${section}/`) ? 'true' : undefined;
}
