/**
 * A unified diff of one file (the `diff` package): removed lines in red with "-", added lines in green with
 * "+", three lines of context. Colour is never the only cue. Each line is a block of its own, so that copying
 * the diff gives one line per line. Shared by the candidate's fix (take/diff-view.tsx) and the author's view
 * of an exercise's bug (author/key-view.tsx), which also numbers the lines to match the bug's line ranges.
 */
import { structuredPatch } from 'diff';
import { Fragment, type ReactNode, useMemo } from 'react';

export function UnifiedDiff({
  before,
  after,
  fileName,
  afterLabel,
  caption,
  empty,
  lineNumbers = false,
  testId,
}: {
  before: string;
  after: string;
  fileName: string;
  /** Names the new side in the patch header; not shown. */
  afterLabel: string;
  /** What the diff shows; the counts of lines added and removed follow it. */
  caption: ReactNode;
  /** Said instead of a diff when the two sides are the same. */
  empty: ReactNode;
  /** Number the lines of `before` (context and removed lines), as line ranges of the original count them. */
  lineNumbers?: boolean;
  testId: string;
}) {
  const patch = useMemo(
    () => structuredPatch(fileName, fileName, before, after, 'original', afterLabel, { context: 3 }),
    [fileName, before, after, afterLabel],
  );
  const lines = patch.hunks.flatMap((hunk) => hunk.lines);
  const added = lines.filter((line) => line.startsWith('+')).length;
  const removed = lines.filter((line) => line.startsWith('-')).length;

  return (
    <figure className="diff-view" data-testid={testId}>
      <figcaption>
        {caption}
        {patch.hunks.length > 0 && (
          <span className="muted">
            {' '}
            · {added} line{added === 1 ? '' : 's'} added, {removed} removed
          </span>
        )}
      </figcaption>
      {patch.hunks.length === 0 ? (
        <p className="muted diff-empty">{empty}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <pre tabIndex={0}>
          <code>
            {patch.hunks.map((hunk) => (
              <Fragment key={`${hunk.oldStart}:${hunk.newStart}`}>
                <span className="diff-line diff-hunk">
                  @@ -{hunk.oldStart},{hunk.oldLines} +{hunk.newStart},{hunk.newLines} @@
                </span>
                {numbered(hunk.lines, hunk.oldStart).map(({ line, number }, index) => (
                  // Lines are positions within the hunk: the index is the right key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <span key={index} className={`diff-line ${lineClass(line)}`}>
                    {lineNumbers && <span className="diff-number">{number ?? ''}</span>}
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

/** Each line of a hunk with its number in the original file; added lines and notes have none there. */
function numbered(lines: readonly string[], oldStart: number) {
  let oldLine = oldStart;
  return lines.map((line) => {
    const first = line.charAt(0);
    return { line, number: first === '+' || first === '\\' ? null : oldLine++ };
  });
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
