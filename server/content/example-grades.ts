/**
 * Rubric self-tests: every example of an exercise is pre-graded with the deterministic checks; its total
 * must fall in the declared range, each declared criterion range must hold, and a bug-hunt's verdict must
 * equal the bugFound it declares.
 */
import { deterministicPregrade } from '../grading/pregrade.js';
import type { Exercise } from './library.js';
import type { Problem } from './problems.js';

export function exampleProblems(exercise: Exercise): Problem[] {
  const problems: Problem[] = [];
  for (const { file, example } of exercise.examples) {
    const grade = deterministicPregrade(exercise, example.submission);
    const checks = grade.criteria.filter((c) => c.source === 'check');
    const total = checks.reduce((sum, c) => sum + c.score, 0);
    const detail = checks.map((c) => `${c.id} ${c.score}/${c.max}`).join(', ');
    const { score, criteria, bugFound } = example.expect;
    if (total < score.min || total > score.max) {
      problems.push({
        file,
        field: 'expect.score',
        message: `the checks give ${total} (${detail}), outside ${score.min}..${score.max}: fix the example, the key or the range`,
      });
    }
    for (const [id, range] of Object.entries(criteria)) {
      const c = checks.find((x) => x.id === id);
      if (!c) {
        problems.push({ file, field: `expect.criteria.${id}`, message: `the rubric has no check criterion "${id}"` });
      } else if (c.score < range.min || c.score > range.max) {
        problems.push({
          file,
          field: `expect.criteria.${id}`,
          message: `${id} scores ${c.score} (${c.rationale}), outside ${range.min}..${range.max}`,
        });
      }
    }
    if (bugFound !== undefined && grade.bugFound !== bugFound) {
      problems.push({
        file,
        field: 'expect.bugFound',
        message: `the verdict is ${grade.bugFound} but the example declares ${bugFound}: ${detail}`,
      });
    }
  }
  return problems;
}
