/**
 * Loads exercises/ and rubrics/ from a content directory into a Library: every exercise that parses,
 * and one Problem for each thing that does not (file, field, what to do). Loading never throws for bad
 * content: the server shows broken exercises with their problems, and `audition exercise check` fails on
 * them. Only the static rules live here; rules that run code (hidden tests) are in check-hidden-test.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { type BugDiff, diffRanges, lineCount } from './bug-ranges.js';
import { type Problem, zodProblems } from './problems.js';
import {
  type BugHuntKey,
  bugHuntKeySchema,
  type Example,
  exampleSchema,
  type FrontMatter,
  frontMatterSchema,
  type Rubric,
  rubricSchema,
  type SpecKey,
  specKeySchema,
} from './schema.js';

/** The most lines the diff from buggy to fixed may touch: a bug-hunt is about one subtle error. */
export const MAX_BUG_LINES = 12;

export const LANGUAGES: Record<string, string> = {
  ts: 'typescript',
  js: 'javascript',
  py: 'python',
  sql: 'sql',
  go: 'go',
  rb: 'ruby',
  java: 'java',
  rs: 'rust',
};

export type CodeFiles = {
  ext: string;
  language: string;
  buggy: string;
  fixed: string;
  bug: BugDiff;
  hiddenTest: string | null;
};

type ExerciseBase = {
  id: string;
  title: string;
  minutes: number;
  tags: string[];
  brief: string;
  rubric: Rubric;
  examples: { file: string; example: Example }[];
  /** Hash of every file of the exercise and of its rubric: changes whenever either does. */
  version: string;
  /** Hash of the rubric file alone. */
  rubricVersion: string;
};
export type SpecExercise = ExerciseBase & { kind: 'spec'; key: SpecKey };
export type BugHuntExercise = ExerciseBase & { kind: 'bug-hunt'; key: BugHuntKey; code: CodeFiles };
export type Exercise = SpecExercise | BugHuntExercise;

export type ExerciseEntry = {
  id: string;
  /** From the front matter when it parses, even if the exercise has problems. */
  kind: string | null;
  /** Relative to the content directory, e.g. exercises/rate-limiter */
  dir: string;
  exercise: Exercise | null;
  problems: Problem[];
};

export type RubricEntry = { id: string; file: string; rubric: Rubric | null; text: string; problems: Problem[] };

export type Library = {
  root: string;
  exercises: ExerciseEntry[];
  rubrics: Map<string, RubricEntry>;
};

export function loadLibrary(root: string): Library {
  const rubrics = loadRubrics(root);
  const exercisesDir = join(root, 'exercises');
  const ids = isDir(exercisesDir)
    ? readdirSync(exercisesDir)
        .filter((name) => !name.startsWith('.') && isDir(join(exercisesDir, name)))
        .sort()
    : [];
  const exercises = ids.map((id) => loadExercise(root, id, rubrics));
  return { root, exercises, rubrics };
}

function loadRubrics(root: string): Map<string, RubricEntry> {
  const rubrics = new Map<string, RubricEntry>();
  const dir = join(root, 'rubrics');
  if (!isDir(dir)) return rubrics;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const id = name.slice(0, -'.yaml'.length);
    const file = `rubrics/${name}`;
    const text = readText(join(dir, name));
    const problems: Problem[] = [];
    const rubric = parseYamlFile(file, text, rubricSchema, problems);
    if (rubric && rubric.id !== id) {
      problems.push({ file, field: 'id', message: `id is "${rubric.id}" but the file is ${name}: make them equal` });
    }
    rubrics.set(id, { id, file, rubric: problems.length === 0 ? rubric : null, text, problems });
  }
  return rubrics;
}

function loadExercise(root: string, id: string, rubrics: Map<string, RubricEntry>): ExerciseEntry {
  const dirAbs = join(root, 'exercises', id);
  const dir = relative(root, dirAbs);
  const problems: Problem[] = [];
  const entry: ExerciseEntry = { id, kind: null, dir, exercise: null, problems };
  const at = (name: string) => `${dir}/${name}`;

  const mdPath = join(dirAbs, 'exercise.md');
  if (!isFile(mdPath)) {
    problems.push({ file: at('exercise.md'), field: '(file)', message: 'missing: every exercise needs exercise.md' });
    return entry;
  }
  const { frontMatter, brief } = splitFrontMatter(at('exercise.md'), readText(mdPath), problems);
  if (!frontMatter) return entry;
  entry.kind = frontMatter.kind;
  if (frontMatter.id !== id) {
    problems.push({
      file: at('exercise.md'),
      field: 'id',
      message: `id is "${frontMatter.id}" but the folder is ${id}: rename one so they match`,
    });
  }
  if (brief.trim().length < 20) {
    problems.push({ file: at('exercise.md'), field: '(body)', message: 'the brief below the front matter is empty' });
  }

  const rubricEntry = rubrics.get(frontMatter.rubric);
  let rubric: Rubric | null = null;
  if (!rubricEntry) {
    const known = [...rubrics.keys()].join(', ') || 'none';
    problems.push({
      file: at('exercise.md'),
      field: 'rubric',
      message: `unknown rubric "${frontMatter.rubric}": no rubrics/${frontMatter.rubric}.yaml (known: ${known})`,
    });
  } else if (!rubricEntry.rubric) {
    problems.push(...rubricEntry.problems);
  } else if (rubricEntry.rubric.kind !== frontMatter.kind) {
    problems.push({
      file: at('exercise.md'),
      field: 'rubric',
      message: `rubric "${frontMatter.rubric}" grades ${rubricEntry.rubric.kind} exercises, not ${frontMatter.kind}`,
    });
  } else {
    rubric = rubricEntry.rubric;
  }

  const keyText = readOptional(join(dirAbs, 'key.yaml'));
  if (keyText === null) {
    problems.push({
      file: at('key.yaml'),
      field: '(file)',
      message: 'missing: every exercise needs a private key.yaml',
    });
  }
  const examples = loadExamples(dirAbs, dir, frontMatter.kind, problems);
  const exampleFiles = isDir(join(dirAbs, 'examples'))
    ? readdirSync(join(dirAbs, 'examples')).filter((n) => n.endsWith('.yaml')).length
    : 0;
  if (exampleFiles < 2) {
    problems.push({
      file: at('examples/'),
      field: '(folder)',
      message: `has ${exampleFiles} example(s): add at least 2 (a strong answer and a weak one)`,
    });
  }

  const base = {
    id,
    title: frontMatter.title,
    minutes: frontMatter.minutes,
    tags: frontMatter.tags,
    brief,
    examples,
    version: versionOf(dirAbs, rubricEntry?.text ?? ''),
    rubricVersion: sha12(rubricEntry?.text ?? ''),
  };

  switch (frontMatter.kind) {
    case 'spec': {
      const key = keyText === null ? null : parseYamlFile(at('key.yaml'), keyText, specKeySchema, problems);
      if (key) checkUniqueIds(at('key.yaml'), [...key.edgeCases, ...key.concepts], problems);
      if (key && rubric && problems.length === 0) entry.exercise = { ...base, kind: 'spec', key, rubric };
      break;
    }
    case 'bug-hunt': {
      const key = keyText === null ? null : parseYamlFile(at('key.yaml'), keyText, bugHuntKeySchema, problems);
      if (key) checkUniqueIds(at('key.yaml'), key.concepts, problems);
      const code = loadCode(dirAbs, dir, problems);
      if (code) {
        for (const { file, example } of examples) checkLinesInFile(file, example, lineCount(code.buggy), problems);
      }
      if (key && code && rubric && problems.length === 0) {
        entry.exercise = { ...base, kind: 'bug-hunt', key, code, rubric };
      }
      break;
    }
    default: {
      const unreachable: never = frontMatter.kind;
      throw new Error(`unhandled exercise kind ${String(unreachable)}`);
    }
  }
  return entry;
}

function splitFrontMatter(
  file: string,
  text: string,
  problems: Problem[],
): { frontMatter: FrontMatter | null; brief: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) {
    problems.push({
      file,
      field: '(front matter)',
      message: 'exercise.md must start with front matter between two "---" lines (id, kind, title, minutes, rubric)',
    });
    return { frontMatter: null, brief: '' };
  }
  const frontMatter = parseYamlFile(file, match[1] ?? '', frontMatterSchema, problems);
  return { frontMatter, brief: (match[2] ?? '').trim() };
}

function loadExamples(dirAbs: string, dir: string, kind: string, problems: Problem[]) {
  const examplesDir = join(dirAbs, 'examples');
  if (!isDir(examplesDir)) return [];
  const out: { file: string; example: Example }[] = [];
  for (const name of readdirSync(examplesDir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const file = `${dir}/examples/${name}`;
    const example = parseYamlFile(file, readText(join(examplesDir, name)), exampleSchema, problems);
    if (!example) continue;
    if (example.submission.kind !== kind) {
      problems.push({
        file,
        field: 'submission.kind',
        message: `is "${example.submission.kind}" but the exercise is ${kind}`,
      });
      continue;
    }
    out.push({ file, example });
  }
  return out;
}

function loadCode(dirAbs: string, dir: string, problems: Problem[]): CodeFiles | null {
  const names = readdirSync(dirAbs);
  const buggy = names.filter((n) => n.startsWith('buggy.'));
  const fixed = names.filter((n) => n.startsWith('fixed.'));
  if (buggy.length !== 1 || fixed.length !== 1) {
    problems.push({
      file: `${dir}/buggy.<ext>`,
      field: '(file)',
      message: `a bug-hunt needs exactly one buggy.<ext> and one fixed.<ext> (found ${buggy.length} and ${fixed.length})`,
    });
    return null;
  }
  const [buggyName = '', fixedName = ''] = [buggy[0], fixed[0]];
  const ext = buggyName.slice('buggy.'.length);
  if (fixedName !== `fixed.${ext}`) {
    problems.push({
      file: `${dir}/${fixedName}`,
      field: '(file)',
      message: `must have the same extension as ${buggyName}`,
    });
    return null;
  }
  const language = LANGUAGES[ext];
  if (!language) {
    problems.push({
      file: `${dir}/${buggyName}`,
      field: '(file)',
      message: `unknown extension .${ext}: use one of ${Object.keys(LANGUAGES).join(', ')}`,
    });
    return null;
  }
  const buggyText = readText(join(dirAbs, buggyName));
  const fixedText = readText(join(dirAbs, fixedName));
  const bug = diffRanges(buggyText, fixedText);
  if (bug.ranges.length === 0) {
    problems.push({
      file: `${dir}/${fixedName}`,
      field: '(diff)',
      message: `${buggyName} and ${fixedName} are identical: fixed must correct the bug`,
    });
    return null;
  }
  if (bug.touchedLines > MAX_BUG_LINES) {
    problems.push({
      file: `${dir}/${fixedName}`,
      field: '(diff)',
      message: `the diff from buggy to fixed touches ${bug.touchedLines} lines; keep it to ${MAX_BUG_LINES} or fewer (one subtle bug)`,
    });
  }
  const hiddenTest = readOptional(join(dirAbs, 'bug.test.ts'));
  if (hiddenTest !== null && ext !== 'ts' && ext !== 'js') {
    problems.push({
      file: `${dir}/bug.test.ts`,
      field: '(file)',
      message: 'hidden tests run JavaScript or TypeScript subjects only: remove it or write the exercise in TS/JS',
    });
  }
  return { ext, language, buggy: buggyText, fixed: fixedText, bug, hiddenTest };
}

function checkLinesInFile(file: string, example: Example, lines: number, problems: Problem[]) {
  if (example.submission.kind !== 'bug-hunt') return;
  example.submission.lines.forEach(([, end], i) => {
    if (end > lines) {
      problems.push({
        file,
        field: `submission.lines.${i}`,
        message: `ends at line ${end} but buggy has ${lines} lines`,
      });
    }
  });
}

function checkUniqueIds(file: string, items: { id: string }[], problems: Problem[]) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push({ file, field: item.id, message: `duplicate id "${item.id}" in the key` });
    seen.add(item.id);
  }
}

function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: Problem[],
): z.infer<S> | null {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    const first = (error as Error).message.split('\n')[0];
    problems.push({ file, field: '(yaml)', message: `not valid YAML${where}: ${first}` });
    return null;
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success) {
    problems.push(...zodProblems(file, result.error, schema));
    return null;
  }
  return result.data;
}

function versionOf(dirAbs: string, rubricText: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dirAbs)) {
    hash.update(relative(dirAbs, file)).update('\0').update(readText(file)).update('\0');
  }
  hash.update('rubric\0').update(rubricText);
  return hash.digest('hex').slice(0, 12);
}

function sha12(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.'))
    .flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

/** Text with CRLF folded to LF, so that a checkout on Windows gives the same version and line numbers. */
function readText(path: string): string {
  return readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
}
function readOptional(path: string): string | null {
  return isFile(path) ? readText(path) : null;
}
function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
