/** The routes: /login for everyone, every other page behind the staff session check. */
import { Redirect, Route, Switch } from 'wouter';
import { StaffShell } from './components/staff-shell';
import { ExercisePreviewPage } from './pages/exercise-preview';
import { ExercisesPage } from './pages/exercises';
import { LoginPage } from './pages/login';
import { NotFoundPage } from './pages/not-found';
import { HOME_PATH } from './return-path';

export function App() {
  return (
    <Switch>
      <Route path="/login" component={LoginPage} />
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
