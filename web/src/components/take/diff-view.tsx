/**
 * The candidate's fix against the assistant's code as a unified diff (the `diff` package): removed lines
 * in red with "-", added lines in green with "+", three lines of context. Colour is never the only cue.
 * Each line is a block of its own, so that copying the diff gives one line per line.
 */
import { structuredPatch } from 'diff';
import { Fragment, useDeferredValue, useMemo } from 'react';

export function DiffView({ original, fix, fileName }: { original: string; fix: string; fileName: string }) {
  const shown = useDeferredValue(fix);
  const patch = useMemo(
    () => structuredPatch(fileName, fileName, original, shown, 'original', 'your fix', { context: 3 }),
    [fileName, original, shown],
  );
  const lines = patch.hunks.flatMap((hunk) => hunk.lines);
  const added = lines.filter((line) => line.startsWith('+')).length;
  const removed = lines.filter((line) => line.startsWith('-')).length;

  return (
    <figure className="diff-view" data-testid="diff-view">
      <figcaption>
        Your changes to <code>{fileName}</code>
        {patch.hunks.length > 0 && (
          <span className="muted">
            {' '}
            · {added} line{added === 1 ? '' : 's'} added, {removed} removed
          </span>
        )}
      </figcaption>
      {patch.hunks.length === 0 ? (
        <p className="muted diff-empty">No changes yet: edit the code above, and the differences show here.</p>
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
