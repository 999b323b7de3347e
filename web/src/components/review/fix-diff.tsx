/**
 * The candidate's proposed fix as a unified diff against the buggy file, for the reviewer: the candidate's
 * DiffView (components/take/diff-view.tsx) speaks to the candidate ("your fix"), this one about them, and
 * says so when no fix was proposed. Same classes, so it looks the same: "-" and "+" are the cue, not colour.
 */
import { structuredPatch } from 'diff';
import { Fragment, useMemo } from 'react';

export function FixDiff({ original, fix, fileName }: { original: string; fix: string | null; fileName: string }) {
  const patch = useMemo(
    () => (fix === null ? null : structuredPatch(fileName, fileName, original, fix, 'buggy', 'fix', { context: 3 })),
    [fileName, original, fix],
  );
  if (!patch) return <p className="muted">No fix proposed.</p>;
  const lines = patch.hunks.flatMap((hunk) => hunk.lines);
  const added = lines.filter((line) => line.startsWith('+')).length;
  const removed = lines.filter((line) => line.startsWith('-')).length;
  return (
    <figure className="diff-view" data-testid="fix-diff">
      <figcaption>
        The candidate's changes to <code>{fileName}</code>
        <span className="muted">
          {' '}
          · {added} line{added === 1 ? '' : 's'} added, {removed} removed
        </span>
      </figcaption>
      {patch.hunks.length === 0 ? (
        <p className="muted diff-empty">The proposed fix is the code unchanged.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <pre tabIndex={0}>
          <code>
            {patch.hunks.map((hunk) => (
              <Fragment key={`${hunk.oldStart}:${hunk.newStart}`}>
                <span className="diff-line diff-hunk">
                  @@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@
                </span>
                {hunk.lines.map((line, index) => (
                  // Lines are positions within the hunk: the index is the right key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <span key={index} className={`diff-line ${lineClass(line)}`}>
                    <span className="diff-marker">{line.charAt(0)}</span>
                    {line.slice(1)}
                  </span>
                ))}
              </Fragment>
            ))}
          </code>
        </pre>
      )}
    </figure>
  );
}

function lineClass(line: string): string {
  switch (line.charAt(0)) {
    case '+':
      return 'diff-add';
    case '-':
      return 'diff-remove';
    case '\\':
      return 'diff-meta';
    default:
      return 'diff-context';
  }
}
