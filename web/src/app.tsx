/**
 * The routes: /login for everyone, /take/<token>/… for candidates (the invite token is their only key),
 * every other page behind the staff session check.
 */
import { Redirect, Route, Switch } from 'wouter';
import { StaffShell } from './components/staff-shell';
import { ExercisePreviewPage } from './pages/exercise-preview';
import { ExercisesPage } from './pages/exercises';
import { LoginPage } from './pages/login';
import { NotFoundPage } from './pages/not-found';
import { TakePage } from './pages/take';
import { HOME_PATH } from './return-path';

export function App() {
  return (
    <Switch>
      <Route path="/login" component={LoginPage} />
      {/* nest: the exercise pages below /take/<token> keep one TakePage, and with it the draft savers. */}
      <Route path="/take/:token" nest>
        {({ token }) => <TakePage token={token} />}
      </Route>
      <Route path="/">
        <Redirect to={HOME_PATH} replace />
      </Route>
      <Route>
        <StaffShell>
          <Switch>
            <Route path="/exercises" component={ExercisesPage} />
            <Route path="/exercises/:id">{({ id }) => <ExercisePreviewPage id={id} />}</Route>
            <Route component={NotFoundPage} />
          </Switch>
        </StaffShell>
      </Route>
    </Switch>
  );
}
