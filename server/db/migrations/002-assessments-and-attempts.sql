-- Assessments, one-candidate invites, attempts, append-only draft revisions and submissions.

CREATE TABLE assessments (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  exercise_ids jsonb NOT NULL,          -- ordered list of exercise ids
  minutes      integer NOT NULL CHECK (minutes > 0),
  created_by   text REFERENCES users (id),
  created_at   timestamptz NOT NULL
);

-- The token is shown once as /take/<token>; only its SHA-256 is stored.
CREATE TABLE invites (
  id            text PRIMARY KEY,
  assessment_id text NOT NULL REFERENCES assessments (id),
  token_hash    text NOT NULL UNIQUE,
  name          text,
  email         text,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  created_by    text REFERENCES users (id),
  created_at    timestamptz NOT NULL
);
CREATE INDEX invites_assessment_id ON invites (assessment_id);

-- One attempt per invite. The versions of the exercises are pinned when it starts.
CREATE TABLE attempts (
  id                text PRIMARY KEY,
  invite_id         text NOT NULL UNIQUE REFERENCES invites (id),
  assessment_id     text NOT NULL REFERENCES assessments (id),
  exercise_versions jsonb NOT NULL,     -- {exerciseId: version}
  started_at        timestamptz NOT NULL,
  deadline_at       timestamptz NOT NULL,
  finished_at       timestamptz
);

-- Every saved draft, never updated or deleted. A save based on an older revision than the latest is kept
-- too, with conflict = true, so two tabs never silently lose each other's work.
CREATE TABLE draft_revisions (
  attempt_id    text NOT NULL REFERENCES attempts (id),
  exercise_id   text NOT NULL,
  revision      integer NOT NULL,
  base_revision integer NOT NULL,
  conflict      boolean NOT NULL,
  submission    jsonb NOT NULL,
  saved_at      timestamptz NOT NULL,
  PRIMARY KEY (attempt_id, exercise_id, revision)
);

CREATE TABLE submissions (
  id               text PRIMARY KEY,
  attempt_id       text NOT NULL REFERENCES attempts (id),
  exercise_id      text NOT NULL,
  exercise_version text NOT NULL,
  revision         integer NOT NULL,    -- the draft revision submitted (0: nothing was ever saved)
  submission       jsonb NOT NULL,
  submitted_at     timestamptz NOT NULL,
  late_ms          integer NOT NULL DEFAULT 0,
  UNIQUE (attempt_id, exercise_id)
);
