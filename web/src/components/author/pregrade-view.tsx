/**
 * A pre-grade of a tried answer: the total, the bug-hunt verdict, each criterion with its score, status,
 * rationale and evidence quotes, the flags, and where the LLM judge is. Quotes are the answer's own text,
 * shown as text.
 */
import type { CriterionGrade, Evidence, KeyCriterion, PreGrade } from '../../author-api';
import type { LlmStep } from '../../author-try-state';
import { FailureMessage } from '../failure-message';

export function PregradeView({
  pregrade,
  llm,
  edited,
  criteria,
}: {
  pregrade: PreGrade;
  llm: LlmStep;
  /** The answer changed since this grade. */
  edited: boolean;
  /** The rubric's criteria, for their titles. */
  criteria: readonly KeyCriterion[];
}) {
  const { total, bugFound } = pregrade;
  const asking = llm.state === 'asking';
  return (
    <section className="pregrade" aria-labelledby="pregrade-heading" data-testid="pregrade">
      <h2 id="pregrade-heading">
        Pre-grade <span className="muted">(not stored)</span>
      </h2>
      {edited && (
        <p className="notice notice-restore" data-testid="pregrade-edited">
          You changed the answer since: this grade is of the earlier answer. Grade again to see the new one.
        </p>
      )}
      <dl className="pregrade-summary">
        <div>
          <dt>Total</dt>
          <dd data-testid="pregrade-total">
            <strong>
              {formatPoints(total.score)} / {formatPoints(total.max)}
            </strong>
            {total.pending > 0 && <span className="muted"> · {formatPoints(total.pending)} points not scored yet</span>}
          </dd>
        </div>
        {bugFound !== null && (
          <div>
            <dt>Bug found</dt>
            <dd data-testid="pregrade-bug-found">
              <span className={`badge ${bugFound ? 'badge-ok' : 'badge-problem'}`}>{bugFound ? 'yes' : 'no'}</span>
            </dd>
          </div>
        )}
        {pregrade.usage && (
          <div>
            <dt>LLM cost</dt>
            <dd>
              ${pregrade.usage.costUsd.toFixed(4)}{' '}
              <span className="muted">
                ({pregrade.usage.model}, {pregrade.usage.inputTokens + pregrade.usage.outputTokens} tokens)
              </span>
            </dd>
          </div>
        )}
      </dl>
      <LlmStatus llm={llm} />
      <ol className="pregrade-criteria">
        {pregrade.criteria.map((grade) => (
          <CriterionRow
            key={grade.id}
            grade={grade}
            title={criteria.find((c) => c.id === grade.id)?.title ?? grade.id}
            asking={asking && grade.source === 'llm'}
          />
        ))}
      </ol>
      <Flags flags={pregrade.flags} />
    </section>
  );
}

/** Where the judge is: a polite live region, so that a screen reader hears when it answers. */
function LlmStatus({ llm }: { llm: LlmStep }) {
  return (
    <div className="llm-status" role="status" data-testid="llm-status">
      {llm.state === 'none' && (
        <p className="muted">This rubric has no LLM criteria: the checks’ scores are the whole pre-grade.</p>
      )}
      {llm.state === 'asking' && <p className="loading-inline">Asking the LLM judge…</p>}
      {llm.state === 'answered' && llm.outcome === 'scored' && <p>The LLM judge has scored its criteria.</p>}
      {llm.state === 'answered' && llm.outcome === 'not-configured' && (
        <p className="notice">
          <strong>LLM not configured:</strong> the server has no Anthropic API key (<code>ANTHROPIC_API_KEY</code>), so
          the LLM criteria stay pending, as a candidate’s would, and a reviewer scores them.
        </p>
      )}
      {llm.state === 'answered' && llm.outcome === 'failed' && (
        <p className="notice notice-restore">
          The LLM judge could not score its criteria: the flags below say why. The checks’ scores stand.
        </p>
      )}
      {llm.state === 'unavailable' && (
        <div className="alert">
          <FailureMessage failure={llm.failure} />
        </div>
      )}
    </div>
  );
}

function CriterionRow({ grade, title, asking }: { grade: CriterionGrade; title: string; asking: boolean }) {
  const scored = grade.status === 'scored';
  return (
    <li className="pregrade-criterion" data-criterion={grade.id}>
      <div className="pregrade-criterion-head">
        <h3>{title}</h3>
        <span className="muted">{grade.source === 'check' ? `check: ${grade.check ?? 'unknown'}` : 'LLM judge'}</span>
        <span className={`badge ${statusBadge(grade.status, asking)}`}>{asking ? 'asking…' : grade.status}</span>
        <span className="pregrade-score" data-testid={`score-${grade.id}`}>
          {scored ? formatPoints(grade.score) : '—'} / {formatPoints(grade.max)}
        </span>
      </div>
      {!asking && <p className="pregrade-rationale">{grade.rationale}</p>}
      {grade.evidence.length > 0 && <EvidenceList evidence={grade.evidence} />}
    </li>
  );
}

function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  return (
    <ul className="evidence-list" aria-label="Evidence">
      {evidence.map((e, index) => (
        // Two pieces of evidence may quote the same passage; their place in the list tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>
          <span className="evidence-where">
            {whereLabel(e)}
            {e.label && (
              <>
                {' · '}
                <code>{e.label}</code>
              </>
            )}
            {!e.verified && <span className="badge badge-problem">unverified</span>}
          </span>
          <q className="evidence-quote">{e.quote}</q>
        </li>
      ))}
    </ul>
  );
}

function Flags({ flags }: { flags: PreGrade['flags'] }) {
  if (flags.length === 0) return null;
  return (
    <section className="pregrade-flags" aria-labelledby="pregrade-flags-heading">
      <h3 id="pregrade-flags-heading">Flags</h3>
      <ul>
        {flags.map((flag, index) => (
          // A flag has no id; the same code may repeat for several criteria.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} data-flag={flag.code}>
            <code>{flag.code}</code>
            {flag.criterion && (
              <span className="muted">
                {' '}
                (<code>{flag.criterion}</code>)
              </span>
            )}
            : {flag.message}
            {flag.evidence && flag.evidence.length > 0 && <EvidenceList evidence={flag.evidence} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function whereLabel(e: Evidence): string {
  switch (e.in) {
    case 'lines':
      return e.start === e.end ? `line ${e.start}` : `lines ${e.start}–${e.end}`;
    case 'text':
      return 'in the spec';
    case 'explanation':
      return 'in the explanation';
    case 'fix':
      return 'in the fix';
    default: {
      const unreachable: never = e.in;
      return String(unreachable);
    }
  }
}

function statusBadge(status: CriterionGrade['status'], asking: boolean): string {
  if (asking) return 'badge-open';
  switch (status) {
    case 'scored':
      return 'badge-ok';
    case 'pending':
      return 'badge-open';
    case 'failed':
      return 'badge-problem';
    default: {
      const unreachable: never = status;
      return String(unreachable);
    }
  }
}

/** Scores move in steps of 0.5 at most: "7.5", "8". */
function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
