-- Staff accounts, their sessions, login throttling, and the content snapshots that make every
-- submission re-gradable against exactly what the candidate saw.

CREATE TABLE users (
  id            text PRIMARY KEY,
  email         text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'author', 'reviewer')),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- The session id is the SHA-256 of the cookie's token: a leaked table cannot be replayed.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);

-- One row per failed login, keyed by 'email:<address>' and by 'ip:<address>'.
CREATE TABLE login_failures (
  key text NOT NULL,
  at  timestamptz NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);

-- Written the first time a version is used; never updated.
CREATE TABLE exercise_versions (
  exercise_id text NOT NULL,
  version     text NOT NULL,
  snapshot    jsonb NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (exercise_id, version)
);
