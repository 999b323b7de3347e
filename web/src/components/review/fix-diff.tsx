/**
 * The candidate's proposed fix as a unified diff against the buggy file, for the reviewer: the candidate's
 * DiffView (components/take/diff-view.tsx) speaks to the candidate ("your fix"), this one about them, and
 * says so when no fix was proposed.
 */
import { UnifiedDiff } from '../diff/unified-diff';

export function FixDiff({ original, fix, fileName }: { original: string; fix: string | null; fileName: string }) {
  if (fix === null) return <p className="muted">No fix proposed.</p>;
  return (
    <UnifiedDiff
      before={original}
      after={fix}
      fileName={fileName}
      afterLabel="fix"
      caption={
        <>
          The candidate's changes to <code>{fileName}</code>
        </>
      }
      empty="The proposed fix is the code unchanged."
      testId="fix-diff"
    />
  );
}
