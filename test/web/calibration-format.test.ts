/** How the calibration figures read on the page (web/src/calibration-format.ts). */
import { describe, expect, it } from 'vitest';
import {
  formatBias,
  formatExcluded,
  formatKappa,
  formatNumber,
  formatPercent,
} from '../../web/src/calibration-format.js';

describe('shares read as whole percentages', () => {
  it.each([
    [0, '0%'],
    [1, '100%'],
    [5 / 6, '83%'],
    [0.125, '13%'],
  ])('%d reads %s', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });

  it('shows a share the server could not compute (nothing compared) as a dash, not as 0%', () => {
    expect(formatPercent(null)).toBe('—');
  });
});

describe('numbers keep two decimals at most and a real minus sign', () => {
  it.each([
    [0.4, '0.4'],
    [1 / 3, '0.33'],
    [-1 / 3, '−0.33'],
    [2, '2'],
    [-0.001, '0'],
  ])('%d reads %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('the pre-grader’s bias says which way it leans', () => {
  it('a positive mean (pre above final) is generous, with its sign', () => {
    expect(formatBias(0.4)).toEqual({ text: '+0.4', reading: 'pre-grader generous', direction: 'generous' });
  });

  it('a negative mean is harsh', () => {
    expect(formatBias(-0.3)).toEqual({ text: '−0.3', reading: 'pre-grader harsh', direction: 'harsh' });
  });

  it('a mean that shows as 0 is called no bias, even when a tiny remainder has a sign', () => {
    expect(formatBias(0)).toMatchObject({ text: '0', reading: 'no bias' });
    expect(formatBias(0.004)).toMatchObject({ text: '0', reading: 'no bias' });
  });

  it('no mean (nothing compared) is a dash', () => {
    expect(formatBias(null)).toMatchObject({ text: '—', direction: 'none' });
  });
});

describe('κ reads in the bands of Landis & Koch, three lowest taken as poor', () => {
  it.each([
    [0.95, '0.95', 'strong'],
    [0.81, '0.81', 'strong'],
    [0.8, '0.80', 'substantial'],
    [0.61, '0.61', 'substantial'],
    [0.6, '0.60', 'moderate'],
    [0.41, '0.41', 'moderate'],
    [0.4, '0.40', 'poor'],
    [0.1, '0.10', 'poor'],
  ] as const)('%d reads %s, %s', (qwk, text, band) => {
    expect(formatKappa(qwk)).toEqual({ text, band, reading: band });
  });

  it('reads the band from the number as shown, so the words never contradict it', () => {
    // 0.8049 shows as 0.80: substantial, although it is above 0.8.
    expect(formatKappa(0.8049)).toMatchObject({ text: '0.80', band: 'substantial' });
    expect(formatKappa(0.8051)).toMatchObject({ text: '0.81', band: 'strong' });
  });

  it('says when agreement is worse than chance', () => {
    expect(formatKappa(-0.25)).toEqual({ text: '−0.25', band: 'poor', reading: 'poor: worse than chance' });
  });

  it('shows an undefined κ as a dash with no band', () => {
    expect(formatKappa(null)).toEqual({ text: '—', band: null, reading: 'undefined' });
  });
});

describe('the pairs left out are counted in words', () => {
  it.each([
    [0, 0, 'none'],
    [2, 0, '2 pending LLM'],
    [0, 1, '1 failed'],
    [2, 1, '2 pending LLM, 1 failed'],
  ])('%i pending and %i failed read "%s"', (pending, failed, text) => {
    expect(formatExcluded(pending, failed)).toBe(text);
  });
});
