/**
 * The top of the criteria panel: the pre-grade's total, the bug-hunt verdict, and the flags a reviewer must
 * see before scoring (late, possible prompt injection, LLM not configured or failed, unverified evidence…),
 * each flag once with the criteria it concerns. A flag that points at passages can highlight them. In blind
 * mode, a note instead: the pre-grade shows once every criterion has the reviewer's own score.
 */
import type { CriterionInfo, PreGrade, SubmissionDetail } from '../../review-api';
import { formatScore } from '../../review-format';

export type FlagGroup = { key: string; code: string; message: string; criteria: string[]; flagIndex: number[] };

/** Flags with the same code and message are said once, naming every criterion they concern. */
export function groupFlags(pregrade: PreGrade, criteria: readonly CriterionInfo[]): FlagGroup[] {
  const titles = new Map(criteria.map((c) => [c.id, c.title]));
  const groups = new Map<string, FlagGroup>();
  pregrade.flags.forEach((flag, index) => {
    const key = `${flag.code}\u0000${flag.message}`;
    const group = groups.get(key) ?? { key, code: flag.code, message: flag.message, criteria: [], flagIndex: [] };
    if (flag.criterion) group.criteria.push(titles.get(flag.criterion) ?? flag.criterion);
    group.flagIndex.push(index);
    groups.set(key, group);
  });
  return [...groups.values()];
}

export function PregradeSummary({
  detail,
  highlightedFlag,
  onHighlightFlag,
}: {
  detail: SubmissionDetail;
  highlightedFlag: string | null;
  onHighlightFlag: (key: string | null) => void;
}) {
  const { pregrade, grading } = detail;
  if (detail.pregradeHidden) {
    return (
      <div className="notice blind-note" data-testid="blind-note">
        <p>
          <strong>Blind review.</strong> The pre-grade appears after you have scored every criterion and saved: your
          scores are your own reading, not the machine's.
        </p>
      </div>
    );
  }
  if (!pregrade) {
    return <p className="muted">No pre-grade yet{grading.complete ? '' : ': grading is under way'}.</p>;
  }
  const groups = groupFlags(pregrade, detail.criteria);
  return (
    <div className="pregrade-summary" data-testid="pregrade-summary">
      <p className="pregrade-total">
        Pre-grade total{' '}
        <strong>
          {formatScore(pregrade.total.score)} / {formatScore(pregrade.total.max)}
        </strong>
        {pregrade.total.pending > 0 && (
          <span className="muted"> · {formatScore(pregrade.total.pending)} points not scored by the machine</span>
        )}
      </p>
      {pregrade.bugFound !== null && (
        <p>
          Bug found:{' '}
          <strong className={pregrade.bugFound ? 'verdict verdict-yes' : 'verdict verdict-no'}>
            {pregrade.bugFound ? 'yes' : 'no'}
          </strong>
        </p>
      )}
      {groups.length > 0 && (
        <ul className="flag-list flag-list-top" aria-label="Flags">
          {groups.map((group) => {
            const evidence = group.flagIndex.some((i) => (pregrade.flags[i]?.evidence?.length ?? 0) > 0);
            const on = highlightedFlag === group.key;
            return (
              <li key={group.key} className="flag">
                <span className="flag-code">{group.code}</span> {group.message}
                {group.criteria.length > 0 && <span className="muted"> ({group.criteria.join(', ')})</span>}
                {evidence && (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-pressed={on}
                    onClick={() => onHighlightFlag(on ? null : group.key)}
                  >
                    {on ? 'Highlighted' : 'Highlight passages'}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
