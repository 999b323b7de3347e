/**
 * /take/:token and the pages under it: the candidate's side, public (the invite token is the only key),
 * outside the staff session check. The landing before Start, the attempt, and the done page after Finish.
 */

import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure } from '../api-failure';
import { Loading } from '../components/loading';
import { AttemptScreen } from '../components/take/attempt-screen';
import { LinkProblem } from '../components/take/link-problem';
import { TakeDonePage } from '../components/take/take-done';
import { TakeLandingPage } from '../components/take/take-landing';
import { ServerClock } from '../server-clock';
import { fetchLanding, startAttempt, type TakeLanding } from '../take-api';
import { asFailure } from '../use-resource';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; failure: ApiFailure }
  | { status: 'ready'; landing: TakeLanding };

export type LandingUpdate = (update: (landing: TakeLanding) => TakeLanding) => void;

export function TakePage({ token }: { token: string }) {
  const [clock] = useState(() => new ServerClock());
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    // `loads` is read so that "Try again" loads once more.
    void loads;
    const controller = new AbortController();
    const sentAt = Date.now();
    fetchLanding(token, controller.signal).then(
      (landing) => {
        clock.observe(landing.serverNow, sentAt, Date.now());
        setLoaded({ status: 'ready', landing });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ status: 'failed', failure: asFailure(error) });
      },
    );
    return () => controller.abort();
  }, [token, clock, loads]);

  const updateLanding: LandingUpdate = useCallback(
    (update) =>
      setLoaded((current) => (current.status === 'ready' ? { ...current, landing: update(current.landing) } : current)),
    [],
  );

  /** Reads the attempt's state again (after another tab submitted or finished). */
  const refresh = useCallback(async () => {
    const sentAt = Date.now();
    const landing = await fetchLanding(token);
    clock.observe(landing.serverNow, sentAt, Date.now());
    updateLanding(() => landing);
  }, [token, clock, updateLanding]);

  switch (loaded.status) {
    case 'loading':
      return (
        <main className="take-page">
          <Loading>Opening your assessment…</Loading>
        </main>
      );
    case 'failed':
      return (
        <LinkProblem
          failure={loaded.failure}
          onRetry={() => {
            setLoaded({ status: 'loading' });
            setLoads((n) => n + 1);
          }}
        />
      );
    case 'ready': {
      const { landing } = loaded;
      if (!landing.attempt) {
        return (
          <TakeLandingPage
            landing={landing}
            onStart={async () => {
              const sentAt = Date.now();
              const started = await startAttempt(token);
              clock.observe(started.serverNow, sentAt, Date.now());
              updateLanding(() => started);
            }}
          />
        );
      }
      if (landing.attempt.finishedAt) return <TakeDonePage landing={landing} />;
      return (
        <AttemptScreen
          token={token}
          landing={landing}
          attempt={landing.attempt}
          clock={clock}
          updateLanding={updateLanding}
          refresh={refresh}
        />
      );
    }
  }
}
