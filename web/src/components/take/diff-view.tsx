/**
 * The candidate's fix against the assistant's code as a unified diff (diff/unified-diff.tsx), updated as
 * they type: the diff follows the editor at a lower priority, so that typing stays quick in a long file.
 */
import { useDeferredValue } from 'react';
import { UnifiedDiff } from '../diff/unified-diff';

export function DiffView({ original, fix, fileName }: { original: string; fix: string; fileName: string }) {
  const shown = useDeferredValue(fix);
  return (
    <UnifiedDiff
      before={original}
      after={shown}
      fileName={fileName}
      afterLabel="your fix"
      caption={
        <>
          Your changes to <code>{fileName}</code>
        </>
      }
      empty="No changes yet: edit the code above, and the differences show here."
      testId="diff-view"
    />
  );
}
