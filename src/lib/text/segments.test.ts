import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSegments, segmentsText, type BodySegment } from './segments.ts';

test('the text of segments: math in dollars or as bare TeX, links as their text', () => {
  const segments: BodySegment[] = [
    { kind: 'text', value: 'see ' },
    { kind: 'math', tex: 'x^2' },
    { kind: 'em', value: ' here' },
    { kind: 'link', href: 'https://x.org', text: 'x.org' },
  ];
  assert.equal(segmentsText(segments), 'see $x^2$ herex.org');
  assert.equal(segmentsText(segments, 'tex'), 'see x^2 herex.org');
});

test('joining merges text at the seams and drops empty text', () => {
  assert.deepEqual(
    joinSegments<BodySegment>([
      [{ kind: 'text', value: 'a' }],
      [
        { kind: 'text', value: '' },
        { kind: 'text', value: 'b' },
        { kind: 'math', tex: 'y' },
      ],
    ]),
    [
      { kind: 'text', value: 'ab' },
      { kind: 'math', tex: 'y' },
    ],
  );
});
