/**
 * /review: the submissions waiting for a reviewer, oldest first (docs/review.md, "Submission states"). The
 * filters live in the address bar, so a reload or a shared link shows the same queue, and travel on to each
 * review page so that its "next" follows this queue. The page polls every 5 s while it is visible (use-polling.ts)
 * and keeps the reviewer's filters and focused row across refreshes. Keyboard: j/k or ↓/↑ move through the rows,
 * Enter opens one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { exportUrl } from '../api';
import { ApiFailure } from '../api-failure';
import { FailureMessage } from '../components/failure-message';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { LiveStatus } from '../components/review/live-status';
import { QueueFilterBar } from '../components/review/queue-filters';
import { QueueTable } from '../components/review/queue-table';
import { fetchQueue, retryGradingJob } from '../review-api';
import {
  DEFAULT_PRESET,
  type FilterOptions,
  filtersFromSearch,
  type QueueFilters,
  queueQuery,
  STATE_PRESETS,
  withFilters,
  withOptionsOf,
} from '../review-filters';
import { useKeyActions } from '../review-key-listener';
import { QUEUE_SHORTCUTS, queueKeyAction } from '../review-keys';
import { useDocumentTitle } from '../use-document-title';
import { usePolling } from '../use-polling';
import '../styles/review.css';

const NO_OPTIONS: FilterOptions = { assessments: new Map(), exercises: new Map() };

export function ReviewQueuePage() {
  useDocumentTitle('Review queue');
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = JSON.stringify(queueQuery(filters));
  const load = useCallback((signal: AbortSignal) => fetchQueue(JSON.parse(query), signal), [query]);
  const queue = usePolling(load, { keepPrevious: true });
  const options = useFilterOptions(queue.data);
  const rows = queue.data ?? [];

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const links = useRef(new Map<string, HTMLAnchorElement>());
  const lastIndex = useRef(0);
  const hrefOf = useCallback((id: string) => withFilters(`/review/${id}`, filters), [filters]);

  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [actionFailure, setActionFailure] = useState<ApiFailure | null>(null);

  function setFilters(next: QueueFilters) {
    navigate(withFilters('/review', next), { replace: true });
  }

  function select(id: string, focus: boolean) {
    setSelectedId(id);
    const index = rows.findIndex((r) => r.id === id);
    if (index >= 0) lastIndex.current = index;
    if (focus) links.current.get(id)?.focus();
  }

  // A refresh that removes the selected row (someone confirmed it) moves the selection to the row now in its
  // place, and focus with it when focus was on the row that went: the reviewer never ends up nowhere.
  useEffect(() => {
    if (!selectedId || rows.length === 0 || rows.some((r) => r.id === selectedId)) return;
    const replacement = rows[Math.min(lastIndex.current, rows.length - 1)];
    if (!replacement) return;
    setSelectedId(replacement.id);
    if (document.activeElement === document.body) links.current.get(replacement.id)?.focus();
  }, [rows, selectedId]);

  useKeyActions(queueKeyAction, (action, event) => {
    if (rows.length === 0) return;
    const index = rows.findIndex((r) => r.id === selectedId);
    if (action.type === 'open-row') {
      const row = rows[index];
      if (!row) return;
      event.preventDefault();
      navigate(hrefOf(row.id));
      return;
    }
    event.preventDefault();
    const next =
      action.type === 'next-row' ? Math.min(index + 1, rows.length - 1) : index < 0 ? 0 : Math.max(index - 1, 0);
    const row = rows[next];
    if (row) select(row.id, true);
  });

  async function retry(jobId: string) {
    setRetrying((s) => new Set(s).add(jobId));
    setActionFailure(null);
    try {
      await retryGradingJob(jobId);
      await queue.refresh();
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setActionFailure(error);
    } finally {
      setRetrying((s) => {
        const next = new Set(s);
        next.delete(jobId);
        return next;
      });
    }
  }

  // Nothing to lose on this page: a first load that failed, or a session that ended, shows (or signs in) at once.
  const firstLoadFailed = queue.failure !== null && (queue.data === null || queue.failure.status === 401);
  return (
    <div className="review-queue">
      <div className="page-heading">
        <h1>Review queue</h1>
        {queue.data && (
          <p className="count">
            {rows.length === 1 ? '1 submission' : `${rows.length} submissions`}
            {queue.stale && ' · updating…'}
          </p>
        )}
        <LiveStatus updatedAt={queue.updatedAt} failure={queue.failure} failures={queue.failures} />
      </div>

      <div className="queue-toolbar">
        <QueueFilterBar filters={filters} options={options} onChange={setFilters} />
        <p className="export-links">
          <a className="button button-quiet" href={exportUrl('csv', filters.assessment)} download>
            Export CSV
          </a>
          <a className="button button-quiet" href={exportUrl('json', filters.assessment)} download>
            Export JSON
          </a>
          <a className="button button-quiet" href={exportUrl('csv', filters.assessment, 'audit')} download>
            Export audit
          </a>
        </p>
      </div>

      <div className="alert-slot" role="alert">
        {actionFailure && (
          <div className="alert">
            <FailureMessage failure={actionFailure} />
          </div>
        )}
      </div>

      {queue.data === null && !firstLoadFailed && <Loading>Loading the queue…</Loading>}
      {firstLoadFailed && queue.failure && <LoadFailure failure={queue.failure} />}
      {queue.data &&
        !firstLoadFailed &&
        (rows.length === 0 ? (
          <EmptyQueue filters={filters} onShowAll={() => setFilters({ ...filters, state: 'all' })} />
        ) : (
          <QueueTable
            rows={rows}
            now={queue.updatedAt ?? Date.now()}
            hrefOf={hrefOf}
            selectedId={selectedId}
            onFocusRow={(id) => select(id, false)}
            linkRef={(id) => (element) => {
              if (element) links.current.set(id, element);
              else links.current.delete(id);
            }}
            retrying={retrying}
            onRetry={retry}
          />
        ))}

      <p className="hint queue-hint">
        Keyboard:{' '}
        {QUEUE_SHORTCUTS.map((s, i) => (
          <span key={s.does}>
            {i > 0 && ', '}
            {s.keys.map((k, j) => (
              <span key={k}>
                {j > 0 && '/'}
                <kbd>{k}</kbd>
              </span>
            ))}{' '}
            {s.does}
          </span>
        ))}
        .
      </p>
    </div>
  );
}

function EmptyQueue({ filters, onShowAll }: { filters: QueueFilters; onShowAll: () => void }) {
  const filtered = filters.assessment !== null || filters.exercise !== null;
  return (
    <div className="empty" data-testid="queue-empty">
      <p>
        {filters.state === DEFAULT_PRESET
          ? 'Nothing waits for review'
          : `No submissions in the state “${STATE_PRESETS[filters.state].label}”`}
        {filtered ? ' with these filters.' : '.'} Submissions appear here when candidates submit, and this page updates
        by itself.
      </p>
      {filters.state !== 'all' && (
        <button type="button" className="button button-quiet" onClick={onShowAll}>
          Show all states
        </button>
      )}
    </div>
  );
}

/**
 * The filter menus' options: the whole queue once (reviewers cannot list assessments), then whatever each
 * poll shows. A failure here only leaves the menus shorter; the queue itself reports its own failures.
 */
function useFilterOptions(rows: Parameters<typeof withOptionsOf>[1] | null): FilterOptions {
  const [options, setOptions] = useState(NO_OPTIONS);
  useEffect(() => {
    const controller = new AbortController();
    fetchQueue({}, controller.signal).then(
      (all) => setOptions((o) => withOptionsOf(o, all)),
      (error: unknown) => {
        if (!controller.signal.aborted) console.warn('Could not load the filter options', error);
      },
    );
    return () => controller.abort();
  }, []);
  useEffect(() => {
    if (rows) setOptions((o) => withOptionsOf(o, rows));
  }, [rows]);
  return options;
}
