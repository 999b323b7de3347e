/** The bar on every staff page: the product, where you are, who is signed in, and the way out. */
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { logout, type Staff } from '../api';
import { ApiFailure } from '../api-failure';
import { FailureMessage } from './failure-message';

/** The staff sections, each shown to the roles that may use it (docs/review.md, "Roles"). */
const SECTIONS: { path: string; label: string; roles: Staff['role'][] }[] = [
  { path: '/review', label: 'Review', roles: ['admin', 'reviewer'] },
  { path: '/exercises', label: 'Exercises', roles: ['admin', 'author', 'reviewer'] },
  { path: '/assessments', label: 'Assessments', roles: ['admin'] },
  { path: '/calibration', label: 'Calibration', roles: ['admin'] },
  { path: '/users', label: 'Users', roles: ['admin'] },
];

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
          {SECTIONS.filter((s) => s.roles.includes(user.role)).map((s) => (
            <Link key={s.path} href={s.path} aria-current={sectionCurrent(location, s.path)}>
              {s.label}
            </Link>
          ))}
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
