-- Reviews: the current decision per submission, and the append-only audit of every change to it.

ALTER TABLE assessments ADD COLUMN anonymous boolean NOT NULL DEFAULT true;
ALTER TABLE assessments ADD COLUMN blind boolean NOT NULL DEFAULT false;

-- One row per reviewed submission; `version` grows by one with every saved change (optimistic concurrency).
CREATE TABLE reviews (
  submission_id text PRIMARY KEY REFERENCES submissions (id),
  version       integer NOT NULL,
  scores        jsonb NOT NULL,          -- {criterionId: {score, reason, by, at}}
  scored_by     jsonb NOT NULL,          -- {userId: [criterionId]}: who has entered which scores (blind mode)
  note          text,
  confirmed_by  text REFERENCES users (id),
  confirmed_at  timestamptz,
  updated_by    text NOT NULL REFERENCES users (id),
  updated_at    timestamptz NOT NULL
);

-- Never updated or deleted.
CREATE TABLE review_events (
  id            text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id),
  version       integer NOT NULL,        -- the review version this change produced
  seq           integer NOT NULL,        -- the change's place within that version
  actor_id      text NOT NULL REFERENCES users (id),
  at            timestamptz NOT NULL,
  action        text NOT NULL CHECK (action IN ('score', 'note', 'confirm', 'reopen')),
  criterion_id  text,
  from_score    double precision,
  to_score      double precision,
  reason        text,
  note          text
);
CREATE UNIQUE INDEX review_events_order ON review_events (submission_id, version, seq);
CREATE INDEX submissions_submitted_at ON submissions (submitted_at);

-- Insertion order, for "the latest": timestamps tie when the clock has not moved (same millisecond, tests).
ALTER TABLE pregrades ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE grading_jobs ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;

-- Each submission's review state (docs/review.md), from its latest pre-grade, latest grading job and review.
CREATE VIEW submission_states AS
SELECT s.id AS submission_id,
       s.attempt_id,
       p.complete AS pregrade_complete,
       p.pregrade,
       j.id AS job_id,
       j.state AS job_state,
       j.last_error,
       r.version AS review_version,
       r.confirmed_at,
       CASE
         WHEN r.confirmed_at IS NOT NULL THEN 'confirmed'
         WHEN r.submission_id IS NOT NULL THEN 'in_review'
         WHEN j.state = 'failed' THEN 'grading_failed'
         WHEN j.state IN ('queued', 'running') OR p.complete IS NOT TRUE THEN 'grading'
         ELSE 'ready'
       END AS state
  FROM submissions s
  LEFT JOIN LATERAL (SELECT complete, pregrade FROM pregrades WHERE submission_id = s.id
                      ORDER BY seq DESC LIMIT 1) p ON true
  LEFT JOIN LATERAL (SELECT id, state, last_error FROM grading_jobs WHERE submission_id = s.id
                      ORDER BY seq DESC LIMIT 1) j ON true
  LEFT JOIN reviews r ON r.submission_id = s.id;
