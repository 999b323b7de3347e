/** Every staff page: checks the session first (signed-out users go to /login), then the header and the page. */
import type { ReactNode } from 'react';
import { fetchMe } from '../api';
import { StaffContext } from '../staff-context';
import { useResource } from '../use-resource';
import { LoadFailure } from './load-failure';
import { Loading } from './loading';
import { StaffHeader } from './staff-header';

export function StaffShell({ children }: { children: ReactNode }) {
  const me = useResource(fetchMe);
  switch (me.state) {
    case 'loading':
      return (
        <main className="page">
          <Loading>Checking your session…</Loading>
        </main>
      );
    case 'failed':
      return (
        <main className="page">
          <LoadFailure failure={me.failure} />
        </main>
      );
    case 'ready':
      return (
        <StaffContext.Provider value={me.data}>
          <StaffHeader user={me.data} />
          <main id="main" className="page" tabIndex={-1}>
            {children}
          </main>
        </StaffContext.Provider>
      );
  }
}
