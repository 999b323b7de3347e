/**
 * The review's audit: every score, note, confirmation and reopen, oldest first (newest last), as the server
 * keeps them (append-only). Who, when, what, on which criterion, from → to, and why.
 */
import type { AuditEntry, CriterionInfo } from '../../review-api';
import { exactTime, formatScore } from '../../review-format';

const ACTIONS = {
  score: 'score',
  note: 'note',
  confirm: 'confirmed',
  reopen: 'reopened',
} as const satisfies Record<AuditEntry['action'], string>;

export function AuditLog({ audit, criteria }: { audit: readonly AuditEntry[]; criteria: readonly CriterionInfo[] }) {
  const titles = new Map(criteria.map((c) => [c.id, c.title]));
  return (
    <section className="audit" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit</h2>
      {audit.length === 0 ? (
        <p className="muted">Nothing recorded yet: the first save starts the record.</p>
      ) : (
        <div className="table-scroll">
          <table className="exercise-table audit-table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Criterion</th>
                <th scope="col">From → to</th>
                <th scope="col">Reason or note</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((entry, index) => (
                // Entries are append-only and come in order: the position is stable.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  <td className="numeric">{entry.version}</td>
                  <td className="nowrap">{exactTime(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>{ACTIONS[entry.action]}</td>
                  <td>{entry.criterionId ? (titles.get(entry.criterionId) ?? entry.criterionId) : ''}</td>
                  <td className="nowrap">
                    {entry.action === 'score'
                      ? `${entry.from === null ? '—' : formatScore(entry.from)} → ${entry.to === null ? '—' : formatScore(entry.to)}`
                      : ''}
                  </td>
                  <td className="audit-text">
                    {entry.action === 'note' ? (entry.note ?? '(note removed)') : (entry.reason ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
