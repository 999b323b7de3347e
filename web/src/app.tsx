/**
 * The routes: /login for everyone, /take/<token>/… for candidates (the invite token is their only key),
 * every other page behind the staff session check.
 */
import { Redirect, Route, Switch } from 'wouter';
import { StaffShell } from './components/staff-shell';
import { AssessmentPage } from './pages/assessment';
import { AssessmentsPage } from './pages/assessments';
import { CalibrationPage } from './pages/calibration';
import { ExercisePreviewPage } from './pages/exercise-preview';
import { ExercisesPage } from './pages/exercises';
import { LoginPage } from './pages/login';
import { NotFoundPage } from './pages/not-found';
import { ReviewPage } from './pages/review';
import { ReviewQueuePage } from './pages/review-queue';
import { TakePage } from './pages/take';
import { UsersPage } from './pages/users';
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
            <Route path="/review" component={ReviewQueuePage} />
            <Route path="/review/:id">{({ id }) => <ReviewPage id={id} />}</Route>
            <Route path="/assessments" component={AssessmentsPage} />
            <Route path="/assessments/:id">{({ id }) => <AssessmentPage id={id} />}</Route>
            <Route path="/users" component={UsersPage} />
            <Route path="/calibration" component={CalibrationPage} />
            <Route component={NotFoundPage} />
          </Switch>
        </StaffShell>
      </Route>
    </Switch>
  );
}
