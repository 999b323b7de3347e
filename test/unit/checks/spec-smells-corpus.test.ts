/**
 * Precision and recall of the smell detector on the labelled corpus (test/fixtures/smells/): per case, the
 * set of categories found is compared with the set labelled; a category found and labelled is a true
 * positive, found but not labelled a false positive, labelled but not found a false negative (micro
 * average over all cases). The figures are printed and recorded in docs/smells.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SMELL_CATEGORIES } from '../../../server/grading/checks/smell-lexicon.js';
import { findSmells } from '../../../server/grading/checks/smells.js';
import { parseSpec } from '../../../server/grading/checks/spec-blocks.js';

const corpusSchema = z.strictObject({
  brief: z.string(),
  cases: z.array(z.strictObject({ text: z.string().min(1), smells: z.array(z.enum(SMELL_CATEGORIES)) })),
});
type Corpus = z.infer<typeof corpusSchema>;

function load(name: string): Corpus {
  const url = new URL(`../../fixtures/smells/${name}`, import.meta.url);
  return corpusSchema.parse(parse(readFileSync(url, 'utf8')));
}

type Tally = { tp: number; fp: number; fn: number };

function measure(corpus: Corpus): { total: Tally; byCategory: Map<string, Tally>; misses: string[] } {
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  const byCategory = new Map<string, Tally>(SMELL_CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  for (const c of corpus.cases) {
    const found = new Set<string>(findSmells(parseSpec(c.text, corpus.brief)).map((h) => h.category));
    const wanted = new Set<string>(c.smells);
    for (const category of new Set([...found, ...wanted])) {
      const tally = byCategory.get(category) as Tally;
      const kind = found.has(category) ? (wanted.has(category) ? 'tp' : 'fp') : 'fn';
      tally[kind]++;
      total[kind]++;
      if (kind !== 'tp') misses.push(`${kind} ${category}: ${c.text}`);
    }
  }
  return { total, byCategory, misses };
}

const precision = (t: Tally) => (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp));
const recall = (t: Tally) => (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn));
const add = (a: Tally, b: Tally): Tally => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

function report(name: string, result: ReturnType<typeof measure>): string {
  const row = (label: string, t: Tally) =>
    `${label.padEnd(14)} P ${precision(t).toFixed(3)}  R ${recall(t).toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
  return [
    `${name}: ${row('all', result.total)}`,
    ...[...result.byCategory].map(([c, t]) => `  ${row(c, t)}`),
    ...result.misses.map((m) => `  ${m}`),
  ].join('\n');
}

describe('the labelled smell corpus', () => {
  const dev = load('corpus.yaml');
  const heldOut = load('heldout.yaml');
  const heldOut2 = load('heldout-2.yaml');
  const heldOut3 = load('heldout-3.yaml');
  const heldOut4 = load('heldout-4.yaml');

  it('has at least 150 labelled sentences, about half of them clean, and every category represented', () => {
    const clean = dev.cases.filter((c) => c.smells.length === 0).length;
    expect(dev.cases.length).toBeGreaterThanOrEqual(150);
    expect(clean).toBeGreaterThanOrEqual(dev.cases.length * 0.45);
    expect(dev.cases.length - clean).toBeGreaterThanOrEqual(dev.cases.length * 0.45);
    for (const category of SMELL_CATEGORIES) {
      expect(dev.cases.filter((c) => c.smells.includes(category)).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  it('has a fourth held-out set of at least 120 sentences, about half clean, each category at least 6 times', () => {
    const clean = heldOut4.cases.filter((c) => c.smells.length === 0).length;
    expect(heldOut4.cases.length).toBeGreaterThanOrEqual(120);
    expect(clean).toBeGreaterThanOrEqual(heldOut4.cases.length * 0.45);
    expect(heldOut4.cases.length - clean).toBeGreaterThanOrEqual(heldOut4.cases.length * 0.45);
    for (const category of SMELL_CATEGORIES) {
      expect(heldOut4.cases.filter((c) => c.smells.includes(category)).length, category).toBeGreaterThanOrEqual(6);
    }
  });

  it('is detected with precision and recall of at least 0.90 on each set', () => {
    const devResult = measure(dev);
    const heldOutResult = measure(heldOut);
    const heldOut2Result = measure(heldOut2);
    const heldOut3Result = measure(heldOut3);
    const heldOut4Result = measure(heldOut4);
    const sets = [devResult, heldOutResult, heldOut2Result, heldOut3Result, heldOut4Result];
    const all = sets.map((r) => r.total).reduce(add);
    const cases = [dev, heldOut, heldOut2, heldOut3, heldOut4].reduce((n, c) => n + c.cases.length, 0);
    console.log(
      [
        report('development (corpus.yaml)', devResult),
        report('held-out (heldout.yaml)', heldOutResult),
        report('second held-out (heldout-2.yaml)', heldOut2Result),
        report('third held-out (heldout-3.yaml)', heldOut3Result),
        report('fourth held-out (heldout-4.yaml)', heldOut4Result),
        `combined: P ${precision(all).toFixed(3)}  R ${recall(all).toFixed(3)}  (${cases} cases)`,
      ].join('\n'),
    );
    for (const t of [...sets.map((r) => r.total), all]) {
      expect(precision(t)).toBeGreaterThanOrEqual(0.9);
      expect(recall(t)).toBeGreaterThanOrEqual(0.9);
    }
  });
});
