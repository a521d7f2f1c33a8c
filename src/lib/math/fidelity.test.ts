/**
 * Every word stays (../shared/math/README.md): restoreMath turns text-mode TeX into typography
 * only where the TeX reading is certain and keeps every other character. Checked on generated
 * prose full of what is not TeX (braces, backticks, backslashes, tildes, % signs), and on the
 * real seed: every word of every seed abstract and title is on its page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prng } from '../../../test/support/prng.ts';
import { readSeedPapers } from '../../../test/support/seed-papers.ts';
import { restoreMath } from './restore.ts';
import type { Segment } from '../text/segments.ts';

/** The page's text: prose and emphasis as written, a formula as its TeX without backslashes (as search indexes it). */
function readBack(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'math' ? s.tex.replace(/\\/g, '') : s.value)).join('');
}

// Words that are no command name, no Greek letter, no single letter: prose with no math in it.
const WORDS = `we propose method learning operators results show that works data model training users' network
  batch config path file regex tokens across layers our approach improves baseline scores it's tasks`
  .split(/\s+/)
  .filter((w) => w !== '');

/** Pieces that are not TeX, or not certainly: each must come out character for character. */
const VERBATIM = [
  '{batch: 32, lr: 0.1}',
  '{props.x}',
  '{BERT}',
  '{}',
  '{',
  '}',
  '}{',
  '{train, test}',
  '{"k": [1, 2]}',
  'C:\\Users\\data',
  'D:\\tmp\\run_3',
  '\\d+\\.json',
  '\\w*\\.csv',
  '^\\s+$',
  '\\foo',
  '\\unknown{arg}',
  '\\cite{key}',
  '\\\\',
  '\\',
  '\\n',
  'and\\or',
  '\\(end\\)',
  '\\[1\\]',
  '`',
  '`code`',
  '``',
  '```',
  "'",
  "''",
  "model''",
  '~100',
  '~/data',
  '~',
  '1~2',
  'train ~ test',
  'word~',
  '~word',
  '50%',
  '%For',
  '%',
  '100%,',
  '%d',
  '%%',
  '(15%)',
  '% of',
  '--flag',
  '-',
  'train-test',
  '#',
  '&',
  'C#',
  '@home',
  'input/output',
  '<tag>',
  '|',
  '^',
  '_',
];

function generatedProse(rand: () => number, count: number): { text: string; expected: string } {
  const parts: { text: string; expected: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = rand();
    const word = (): string => WORDS[Math.floor(rand() * WORDS.length)] ?? 'data';
    if (r < 0.45) parts.push({ text: word(), expected: '' });
    else if (r < 0.9) parts.push({ text: VERBATIM[Math.floor(rand() * VERBATIM.length)] ?? '%', expected: '' });
    else {
      // A tie glued between two words, the one tilde TeX reads for certain.
      const a = word().replace(/'/g, '');
      const b = word().replace(/'/g, '');
      parts.push({ text: `${a}~${b}`, expected: `${a}\u00a0${b}` });
    }
  }
  return { text: parts.map((p) => p.text).join(' '), expected: parts.map((p) => p.expected || p.text).join(' ') };
}

test('generated prose of braces, backticks, backslashes, tildes and % signs comes out character for character', () => {
  const rand = prng(20250317);
  for (let run = 0; run < 400; run += 1) {
    const { text, expected } = generatedProse(rand, 4 + Math.floor(rand() * 30));
    const r = restoreMath(text);
    assert.equal(r.formulas, 0, text);
    assert.equal(readBack(r.segments), expected, text);
  }
});

test('the issue cases stay as they were typed', () => {
  for (const text of [
    'trained with {batch: 32, lr: 0.1} on 8 nodes',
    'files under C:\\Users\\data match \\d+\\.json',
    'about ~100 GPUs, a lone ` backtick, and 15% of %runs after it',
    'completely novel. %For stochastic second-order methods, we derive that the minimal damping',
  ]) {
    assert.equal(readBack(restoreMath(text).segments), text);
  }
});

/** Letters written as TeX come back as Unicode; reading them back as ASCII letters compares words. */
function ascii(s: string): string {
  const map: Record<string, string> = { Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', ȷ: 'j' };
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ŁłØøßæÆœŒıȷ]/g, (c) => map[c] ?? c);
}

/**
 * Every word of `input` is found in `output`, in order. A word is a run of letters and digits;
 * a control word (`\em`, `\L`) is TeX, not a word of the text.
 */
function assertEveryWord(input: string, output: string, label: string): void {
  const out = ascii(output);
  let at = 0;
  for (const m of input.matchAll(/(?<!\\[A-Za-z]*)[A-Za-z0-9]+/g)) {
    const k = out.indexOf(m[0], at);
    assert.ok(
      k >= 0,
      `${label}: "${m[0]}" (at ${m.index} of the input) is missing after ${JSON.stringify(out.slice(Math.max(0, at - 40), at))}`,
    );
    at = k + m[0].length;
  }
}

test('the seed: every word of every abstract and title is on its page, in order', () => {
  const papers = readSeedPapers();
  assert.equal(papers.length, 49);
  let words = 0;
  for (const p of papers) {
    assertEveryWord(p.abstract, readBack(restoreMath(p.abstract).segments), p.title);
    assertEveryWord(p.title, readBack(restoreMath(p.title).segments), p.title);
    words += (p.abstract.match(/(?<!\\[A-Za-z]*)[A-Za-z0-9]+/g) ?? []).length;
  }
  console.log(`fidelity (seed): all ${words} words of the 49 abstracts, and the titles, on their pages`);
});

test('the seed: abstracts without TeX come out as they came in', () => {
  const tex = /[\\`~{}]|''|--/;
  let plain = 0;
  for (const p of readSeedPapers()) {
    if (tex.test(p.abstract)) continue;
    const r = restoreMath(p.abstract);
    if (r.formulas > 0) continue;
    assert.equal(readBack(r.segments), p.abstract, p.title);
    plain += 1;
  }
  assert.ok(plain >= 25, `${plain} abstracts`);
});
