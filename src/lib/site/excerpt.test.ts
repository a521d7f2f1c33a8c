import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BodySegment } from '../contract/body.ts';
import { excerptSegments } from './excerpt.ts';

const sentence = (n: number): string => `Sentence ${n} has some words in it to read and it keeps going for a while.`;

test('the excerpt ends at the sentence that reaches the target length', () => {
  const text = [1, 2, 3, 4, 5].map(sentence).join(' ');
  const { segments, cut } = excerptSegments([{ kind: 'text', value: text }]);
  assert.equal(cut, true);
  assert.equal(segments.map((s) => (s.kind === 'text' ? s.value : '')).join(''), [1, 2, 3].map(sentence).join(' '));
});

test('a short abstract is whole and not marked as cut', () => {
  const { segments, cut } = excerptSegments([{ kind: 'text', value: 'Short. Abstract.' }]);
  assert.equal(cut, false);
  assert.deepEqual(segments, [{ kind: 'text', value: 'Short. Abstract.' }]);
});

test('never cut inside a formula', () => {
  const segs: BodySegment[] = [
    { kind: 'text', value: 'x '.repeat(150) },
    { kind: 'math', tex: '\\sum_{i=1}^{n} '.repeat(10) },
    { kind: 'text', value: ' tail.' },
  ];
  const { segments, cut } = excerptSegments(segs);
  assert.equal(cut, true);
  assert.ok(!segments.some((s) => s.kind === 'math'), 'a formula that does not fit is left out whole');
});

test('a formula that fits is kept whole with the sentence around it', () => {
  const segs: BodySegment[] = [
    { kind: 'text', value: 'We bound the error by ' },
    { kind: 'math', tex: 'O(\\sqrt{T})' },
    { kind: 'text', value: ` with high probability. ${sentence(1)} ${sentence(2)} ${sentence(3)}` },
  ];
  const { segments } = excerptSegments(segs);
  assert.deepEqual(segments[1], { kind: 'math', tex: 'O(\\sqrt{T})' });
});

test('a formula longer than a whole excerpt is left out, however it begins the abstract', () => {
  const huge = { kind: 'math' as const, tex: `x${'+x'.repeat(5000)}` };
  const first = excerptSegments([huge, { kind: 'text', value: ' and then some words follow here.' }]);
  assert.deepEqual(first.segments, []);
  assert.equal(first.cut, true);
  const later = excerptSegments([{ kind: 'text', value: 'Some words first, ' }, huge]);
  assert.deepEqual(later.segments, [{ kind: 'text', value: 'Some words first, ' }]);
});
