/**
 * `audition exercise new <kind> <id>`: scaffolds an exercise folder that passes `exercise check` as it
 * stands, with comments saying what to replace. Refuses to overwrite an existing folder.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLibrary } from '../content/library.js';
import { EXERCISE_KINDS, type ExerciseKind } from '../content/schema.js';
import { contentDirFrom } from './content-dir.js';
import { CliError, type CliIo, UsageError } from './io.js';

export const usage = `audition exercise new <spec|bug-hunt> <id> [--content <dir>]

Creates exercises/<id>/ with commented placeholders that already pass \`audition exercise check\`.`;

export async function exerciseNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { content: { type: 'string' } } });
  const [kind, id] = positionals;
  if (!kind || !id || positionals.length > 2) throw new UsageError('give a kind and an id');
  if (!(EXERCISE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`unknown kind "${kind}": use one of ${EXERCISE_KINDS.join(', ')}`);
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new UsageError(`the id "${id}" must be kebab-case (lower-case letters, digits, single hyphens)`);
  }
  const root = contentDirFrom(values.content, io);
  const dir = join(root, 'exercises', id);
  if (existsSync(dir)) throw new CliError(`${dir} already exists: choose another id or edit that folder`);

  // Use a rubric of this kind that the content directory has; the starter rubric's id otherwise.
  const rubrics = [...loadLibrary(root).rubrics.values()].filter((r) => r.rubric?.kind === kind);
  const rubric = rubrics[0]?.id ?? STARTER_RUBRIC[kind as ExerciseKind];
  const files = scaffold(kind as ExerciseKind, id, rubric);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  io.out(`Created ${dir}:`);
  for (const name of Object.keys(files)) io.out(`  ${name}`);
  if (rubrics.length === 0) io.out(`\nNo ${kind} rubric in ${root}/rubrics: create rubrics/${rubric}.yaml.`);
  io.out(
    `\nReplace the placeholders, then run \`audition exercise check ${id}\`. docs/authoring.md explains each file.`,
  );
  return 0;
}

const STARTER_RUBRIC: Record<ExerciseKind, string> = { spec: 'spec-standard', 'bug-hunt': 'bug-hunt-standard' };

function scaffold(kind: ExerciseKind, id: string, rubric: string): Record<string, string> {
  switch (kind) {
    case 'spec':
      return specFiles(id, rubric);
    case 'bug-hunt':
      return bugHuntFiles(id, rubric);
    default: {
      const unreachable: never = kind;
      throw new Error(`no scaffold for ${String(unreachable)}`);
    }
  }
}

function specFiles(id: string, rubric: string): Record<string, string> {
  return {
    'exercise.md': `---
id: ${id}
kind: spec
title: Replace with the title candidates see
minutes: 45
rubric: ${rubric}
tags: []
---
<!-- The brief shown to the candidate, in Markdown. Write it as the person asking would: a founder's
     message, deliberately vague, leaving the decisions a good spec must make. -->
Replace this with the brief: what the founder wants built and why, in their words.

Write a spec that an AI coding agent could implement without coming back to you with questions.
`,
    'key.yaml': `# Private: never sent to candidates. What a strong spec covers, each with patterns that recognise it.
# A pattern is a JavaScript regular expression, matched case-insensitively on whitespace-folded text.
edgeCases:
  - id: replace-me
    description: Replace with an edge case a strong spec addresses.
    patterns: ['replace me', 'replace-me']
concepts: []
notes: Replace with what a strong answer looks like, for reviewers.
`,
    'examples/strong.yaml': `# A sample answer and the range its deterministic (check) score must fall in.
title: "strong: replace with a strong answer"
submission:
  kind: spec
  text: |
    # Goals
    Replace me with a strong answer.
expect:
  score: { min: 0, max: 100 }
`,
    'examples/weak.yaml': `title: "weak: replace with a weak answer"
submission:
  kind: spec
  text: Make it work well.
expect:
  score: { min: 0, max: 100 }
`,
  };
}

function bugHuntFiles(id: string, rubric: string): Record<string, string> {
  return {
    'exercise.md': `---
id: ${id}
kind: bug-hunt
title: Replace with the title candidates see
minutes: 30
rubric: ${rubric}
tags: []
---
<!-- The brief: what the user asked the AI assistant, verbatim, then what the candidate must do. -->
**The request to the assistant:** "Replace with what the user asked for."

The assistant answered with the code below. Find the line(s) where it is wrong, explain why, and propose a fix.
`,
    'key.yaml': `# Private: never sent to candidates.
bug:
  summary: Replace with the bug in one line, for reviewers.
concepts:
  - id: replace-me
    description: Replace with a concept a correct explanation names.
    patterns: ['replace me']
`,
    'buggy.ts': `// The assistant's answer, shown to candidates. Replace with plausible, idiomatic code holding one subtle bug.
export function sum(values: number[]): number {
  let total = 0;
  for (let i = 1; i < values.length; i++) total += values[i] ?? 0;
  return total;
}
`,
    'fixed.ts': `// The assistant's answer, shown to candidates. Replace with plausible, idiomatic code holding one subtle bug.
export function sum(values: number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
}
`,
    'bug.test.ts': `// Hidden test: passes on fixed.ts, fails on buggy.ts. './subject' is bound to each in turn.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sum } from './subject';

test('adds every value', () => {
  assert.equal(sum([1, 2, 3]), 6);
});
`,
    'examples/strong.yaml': `title: "strong: replace with a strong answer"
submission:
  kind: bug-hunt
  lines: [[4, 4]]
  explanation: Replace me.
  fix: null
expect:
  score: { min: 0, max: 100 }
`,
    'examples/weak.yaml': `title: "weak: replace with a weak answer"
submission:
  kind: bug-hunt
  lines: [[1, 6]]
  explanation: Looks fine to me.
  fix: null
expect:
  score: { min: 0, max: 100 }
`,
  };
}
