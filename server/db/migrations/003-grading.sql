-- Pre-grades and the jobs that produce them. Jobs live in the database so that they survive restarts and
-- so that several server processes on one PostgreSQL share the work without running a job twice.

CREATE TABLE grading_jobs (
  id            text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id),
  state         text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  run_after     timestamptz NOT NULL,
  locked_until  timestamptz,            -- a running job's lease; an expired lease is picked up again
  last_error    text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX grading_jobs_runnable ON grading_jobs (state, run_after);
CREATE INDEX grading_jobs_submission ON grading_jobs (submission_id);

-- Every pre-grade computed, newest last; the deterministic part is stored at submit, the full one by the job.
CREATE TABLE pregrades (
  id            text PRIMARY KEY,
  submission_id text NOT NULL REFERENCES submissions (id),
  job_id        text REFERENCES grading_jobs (id),
  complete      boolean NOT NULL,       -- false: LLM criteria still to come from a job
  pregrade      jsonb NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX pregrades_submission ON pregrades (submission_id, created_at);
