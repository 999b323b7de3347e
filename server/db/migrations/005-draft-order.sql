-- The order of saves within one browser tab (ADR 012). A page numbers its saves (tab_id: random per page
-- load; tab_seq: increasing per save). A save that reaches the server after a newer save of the same tab is
-- still appended, with superseded = true, and never becomes the latest draft. Older clients send no tab:
-- both columns stay null and their saves order by arrival, as before.
ALTER TABLE draft_revisions ADD COLUMN tab_id text;
ALTER TABLE draft_revisions ADD COLUMN tab_seq integer;
ALTER TABLE draft_revisions ADD COLUMN superseded boolean NOT NULL DEFAULT false;
ALTER TABLE draft_revisions
  ADD CONSTRAINT draft_revisions_tab_and_seq CHECK ((tab_id IS NULL) = (tab_seq IS NULL));

-- Each save reads the highest sequence number its tab has saved for the exercise.
CREATE INDEX draft_revisions_tab_seq ON draft_revisions (attempt_id, exercise_id, tab_id, tab_seq)
  WHERE tab_id IS NOT NULL;
