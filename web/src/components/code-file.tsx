/**
 * A source file shown to the candidate, with line numbers: candidates and reviewers point at lines. The
 * numbers come from a CSS counter, so copying the code copies the code alone.
 */
import type { CandidateFile } from '../api';

export function CodeFile({ file }: { file: CandidateFile }) {
  const lines = file.content.replace(/\n$/, '').split('\n');
  return (
    <figure className="code-file">
      <figcaption>
        <code>{file.name}</code>
        <span className="subtle">{file.language}</span>
      </figcaption>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <pre tabIndex={0}>
        <code>
          {lines.map((line, index) => (
            // Lines are positions, not identities: the index is the right key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <span className="code-line" key={index}>
              {line}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}
