/**
 * An exercise's private side, for authors and admins: for a bug-hunt the bug (summary, lines, the diff from
 * buggy to fixed), the key's edge cases and concepts with the patterns that recognise them, the notes, and
 * the rubric's criteria. Author-written text goes through <Brief> like every Markdown on the page.
 */
import type { BugCode, ExerciseKey, KeyCriterion, KeyItem } from '../../author-api';
import { formatLineRanges } from '../../author-ranges';
import { Brief } from '../brief';
import { UnifiedDiff } from '../diff/unified-diff';

export function KeyView({ data }: { data: ExerciseKey }) {
  const { key, code } = data;
  return (
    <div className="key-view" data-testid="key-view">
      <p className="muted">
        Key and rubric of version <code>{data.version}</code>. Reviewers see the rubric (and a bug-hunt’s bug) as they
        review; candidates never see anything here.
      </p>
      {'bug' in key && code && <BugSection bug={key.bug} code={code} />}
      {'edgeCases' in key && (
        <KeyItems
          title="Edge cases"
          items={key.edgeCases}
          hint="What a strong spec covers. The coverage check counts an item when any of its patterns matches."
        />
      )}
      <KeyItems
        title="Concepts"
        items={key.concepts}
        hint={
          'bug' in key
            ? 'What a correct explanation names. The concept check counts an item when any of its patterns matches.'
            : 'Domain concepts a strong spec names, recognised by any of their patterns.'
        }
      />
      {key.notes && (
        <section aria-labelledby="key-notes">
          <h2 id="key-notes">Notes for reviewers</h2>
          <Brief markdown={key.notes} />
        </section>
      )}
      <RubricTable rubric={data.rubric} />
    </div>
  );
}

function BugSection({ bug, code }: { bug: { summary: string; explanation?: string | undefined }; code: BugCode }) {
  const lines = formatLineRanges(code.ranges);
  return (
    <section aria-labelledby="key-bug">
      <h2 id="key-bug">The bug</h2>
      <p className="key-bug-summary">{bug.summary}</p>
      {bug.explanation && <Brief markdown={bug.explanation} />}
      <p data-testid="bug-lines">
        Bug lines in <code>{code.fileName}</code>: <strong>{lines || 'none'}</strong>{' '}
        <span className="muted">(the lines of the buggy file that the fix changes; marks near them count)</span>
      </p>
      <UnifiedDiff
        before={code.buggy}
        after={code.fixed}
        fileName={code.fileName}
        afterLabel="fixed"
        caption={
          <span>
            The fix: <code>{code.fileName}</code>, buggy → fixed
          </span>
        }
        empty="The buggy and fixed files are the same: the exercise check should have refused this."
        lineNumbers
        testId="bug-diff"
      />
    </section>
  );
}

function KeyItems({ title, items, hint }: { title: string; items: readonly KeyItem[]; hint: string }) {
  const headingId = `key-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title} <span className="muted">({items.length})</span>
      </h2>
      <p className="hint">{hint}</p>
      {items.length === 0 ? (
        <p className="muted">None in this key.</p>
      ) : (
        <dl className="key-items">
          {items.map((item) => (
            <div key={item.id} className="key-item">
              <dt>
                <code>{item.id}</code>
              </dt>
              <dd>
                <p className="key-item-description">{item.description}</p>
                <ul className="key-patterns" aria-label={`Patterns for ${item.id}`}>
                  {item.patterns.map((pattern) => (
                    <li key={pattern}>
                      <code>{pattern}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function RubricTable({ rubric }: { rubric: ExerciseKey['rubric'] }) {
  const total = rubric.criteria.reduce((sum, c) => sum + c.max, 0);
  return (
    <section aria-labelledby="key-rubric">
      <h2 id="key-rubric">
        Rubric: {rubric.title} <code className="muted">{rubric.id}</code>
      </h2>
      <div className="table-scroll">
        <table className="exercise-table">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" className="numeric">
                Max
              </th>
              <th scope="col">Scored by</th>
              <th scope="col">What it asks</th>
            </tr>
          </thead>
          <tbody>
            {rubric.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row" className="title-cell">
                  {criterion.title}
                  <span className="subtle">
                    <code>{criterion.id}</code>
                  </span>
                </th>
                <td className="numeric">{criterion.max}</td>
                <td className="nowrap">{sourceLabel(criterion)}</td>
                <td>{criterion.description}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row">Total</th>
              <td className="numeric">{total}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function sourceLabel(criterion: Pick<KeyCriterion, 'source'>): string {
  return criterion.source === 'check' ? 'Check (deterministic)' : 'LLM judge';
}
