/** The draft's size against the server's limit: a warning from 200 KB, an error over 256 KB. */
import { useDeferredValue, useMemo } from 'react';
import { DRAFT_LIMIT_BYTES, DRAFT_WARN_BYTES, draftBytes, type Submission } from '../../submission';

export function DraftSize({ submission }: { submission: Submission }) {
  const shown = useDeferredValue(submission);
  // The revision number adds a few bytes to the body the server measures; a large one errs on the safe side.
  const bytes = useMemo(() => draftBytes({ baseRevision: 999_999, submission: shown }), [shown]);
  const kb = Math.ceil(bytes / 1024);
  const limitKb = DRAFT_LIMIT_BYTES / 1024;
  return (
    <div role="status" className="draft-size-slot">
      {bytes > DRAFT_LIMIT_BYTES ? (
        <p className="alert" data-testid="size-warning" data-level="error">
          Your draft is {kb} KB, over the {limitKb} KB limit: it cannot be saved until you shorten it.
        </p>
      ) : bytes >= DRAFT_WARN_BYTES ? (
        <p className="notice" data-testid="size-warning" data-level="warning">
          Your draft is {kb} KB, close to the {limitKb} KB limit.
        </p>
      ) : null}
    </div>
  );
}
