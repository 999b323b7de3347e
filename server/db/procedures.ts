/**
 * Every database procedure (db.ts, ADR 019), by name: the database thread runs a `call` by looking it up
 * here. A procedure missing from this list works in place and fails on the thread, so list each one.
 */
import type { Db, DbProcedure } from './db.js';
import { rehearseDraftWrites, writeDraftSave } from './draft-writes.js';
import { lookUpToken } from './token-access.js';

type Runner = (db: Db, input: unknown) => Promise<unknown>;

/** The input crossed the thread from a call typed by the same procedure. */
const entry = <I, O>(procedure: DbProcedure<I, O>): [string, Runner] => [
  procedure.name,
  (db, input) => procedure.run(db, input as I),
];

export const procedures = new Map<string, Runner>([
  entry(writeDraftSave),
  entry(lookUpToken),
  entry(rehearseDraftWrites),
]);
