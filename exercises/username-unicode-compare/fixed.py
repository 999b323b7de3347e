"""Username rules for sign-up: what a username may contain, and the key that makes it unique.

The users table keeps the name as the person typed it (for display) and a separate `username_key`
column with a UNIQUE index. Two sign-ups collide exactly when their keys are equal, so "Admin" and
"admin" can never both exist, whatever script the name is written in.
"""

import unicodedata

MIN_LENGTH = 3
MAX_LENGTH = 30

# Letters and digits from any script, plus three separators. Combining marks are allowed because many
# scripts (Devanagari, Thai, ...) need them, and some accented letters have no precomposed form.
ALLOWED_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Nd"}
SEPARATORS = {"_", ".", "-"}


class InvalidUsername(ValueError):
    pass


class UsernameTaken(Exception):
    pass


def clean_username(raw: str) -> str:
    """Trim and NFC-normalise what the user typed, then validate it. Returns the display form."""
    name = unicodedata.normalize("NFC", raw.strip())
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise InvalidUsername(f"must be {MIN_LENGTH} to {MAX_LENGTH} characters long")
    for ch in name:
        if ch not in SEPARATORS and unicodedata.category(ch) not in ALLOWED_CATEGORIES:
            raise InvalidUsername(f"{ch!r} is not allowed in a username")
    if name[0] in SEPARATORS or name[-1] in SEPARATORS:
        raise InvalidUsername("must start and end with a letter or a digit")
    return name


def username_key(name: str) -> str:
    """The value stored in users.username_key: two names are the same username iff their keys match."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


def register(db, raw_username: str, email: str) -> int:
    """Create a user and return their id. `db` is a psycopg connection.

    The INSERT relies on the unique index instead of a SELECT-then-INSERT, so two people racing for the
    same name cannot both win.
    """
    name = clean_username(raw_username)
    with db.cursor() as cur:
        cur.execute(
            """
            INSERT INTO users (username, username_key, email)
            VALUES (%s, %s, %s)
            ON CONFLICT (username_key) DO NOTHING
            RETURNING id
            """,
            (name, username_key(name), email),
        )
        row = cur.fetchone()
    if row is None:
        db.rollback()
        raise UsernameTaken(name)
    db.commit()
    return row[0]
