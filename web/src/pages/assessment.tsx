/**
 * /assessments/:id (admin): one assessment, its review settings, inviting candidates (each link shown once),
 * and its invites with how far each candidate got. Polls every 10 s while visible so that states move.
 */
import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import { type AssessmentDetail, fetchAssessment, type Settings } from '../admin-api';
import { formatDateTime, newestFirst } from '../admin-format';
import { useLiveResource } from '../admin-live-resource';
import { POLL_EVERY_MS } from '../admin-poll';
import { listExercises } from '../api';
import type { ApiFailure } from '../api-failure';
import { AssessmentHeader } from '../components/admin/assessment-header';
import { InviteForm, type SentInvite } from '../components/admin/invite-form';
import { InviteTable } from '../components/admin/invite-table';
import { LiveStatus } from '../components/admin/live-status';
import { OneTimeSecret } from '../components/admin/one-time-secret';
import { PageAlert, type Problem } from '../components/admin/page-alert';
import { ReviewSettings } from '../components/admin/review-settings';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { useDocumentTitle } from '../use-document-title';
import { useResource } from '../use-resource';
import '../styles/admin.css';

export function AssessmentPage({ id }: { id: string }) {
  // Keyed: another assessment's page starts afresh, without the last one's link or alert.
  return <AssessmentView key={id} id={id} />;
}

function AssessmentView({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => fetchAssessment(id, signal), [id]);
  const live = useLiveResource(load, { pollMs: POLL_EVERY_MS });
  const library = useResource(listExercises);
  const [sent, setSent] = useState<SentInvite | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const { resource } = live;
  useDocumentTitle(resource.state === 'ready' ? resource.data.assessment.name : 'Assessment');

  // Each change shows its answer at once and asks again: a poll sent before the change must not undo it.
  const onSettings = (settings: Settings) => {
    live.update((d) => ({ ...d, assessment: { ...d.assessment, ...settings } }));
    live.refresh();
  };
  const onRevoked = (inviteId: string, revokedAt: string) => {
    live.update((d) => ({ ...d, invites: d.invites.map((i) => (i.id === inviteId ? { ...i, revokedAt } : i)) }));
    live.refresh();
  };
  const onInvited = (invite: SentInvite) => {
    setSent(invite);
    live.refresh();
  };

  return (
    <>
      <p className="back">
        <Link href="/assessments">← All assessments</Link>
      </p>
      {resource.state === 'loading' && <Loading>Loading the assessment…</Loading>}
      {resource.state === 'failed' && (
        <>
          <h1>Assessment</h1>
          <LoadFailure failure={resource.failure} />
        </>
      )}
      {resource.state === 'ready' && (
        <>
          <AssessmentHeader
            assessment={resource.data.assessment}
            library={library.state === 'ready' ? library.data : null}
          />
          <PageAlert problem={problem} />
          <ReviewSettings
            assessmentId={id}
            settings={resource.data.assessment}
            onSaved={onSettings}
            onProblem={setProblem}
          />
          <InviteForm assessmentId={id} onInvited={onInvited} onProblem={setProblem} />
          {sent && (
            <OneTimeSecret
              title={`Invite link for ${sent.candidate}`}
              label="Their link"
              value={sent.url}
              warning="This link is shown only this once: pass it on securely. Anyone with it can take the assessment."
              onDismiss={() => setSent(null)}
              testId="new-invite"
            >
              <p>
                It works until <time dateTime={sent.expiresAt}>{formatDateTime(sent.expiresAt)}</time> for starting the
                assessment; once started, the candidate has the assessment’s time limit.
              </p>
            </OneTimeSecret>
          )}
          <Invites data={resource.data} live={live} onRevoked={onRevoked} onProblem={setProblem} />
        </>
      )}
    </>
  );
}

function Invites({
  data,
  live,
  onRevoked,
  onProblem,
}: {
  data: AssessmentDetail;
  live: { offline: ApiFailure | null; lastHeard: Date | null };
  onRevoked: (inviteId: string, revokedAt: string) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  return (
    <section aria-labelledby="invites-heading">
      <div className="admin-section-heading">
        <h2 id="invites-heading">Invites</h2>
        <LiveStatus lastHeard={live.lastHeard} offline={live.offline} />
      </div>
      {data.invites.length === 0 ? (
        <p className="empty">No one is invited yet. Invite a candidate above and send them the link.</p>
      ) : (
        <InviteTable
          invites={newestFirst(data.invites)}
          exerciseCount={data.assessment.exerciseIds.length}
          onRevoked={onRevoked}
          onProblem={onProblem}
        />
      )}
    </section>
  );
}
