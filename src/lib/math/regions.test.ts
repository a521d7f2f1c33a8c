import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitRegions, urlSpans } from './regions.ts';

const urls = (text: string): string[] => urlSpans(text).map(([s, e]) => text.slice(s, e));

test('URLs without the prose punctuation after them', () => {
  assert.deepEqual(urls('at https://github.com/a_b/c. See (https://x.io/p_(q)) and www.y.org/z, or a.b@c.edu.'), [
    'https://github.com/a_b/c',
    'https://x.io/p_(q)',
    'www.y.org/z',
    'a.b@c.edu',
  ]);
  assert.deepEqual(urls('github.com/edwardjhu/TP4 and huggingface.co/camlab-ethz.'), [
    'github.com/edwardjhu/TP4',
    'huggingface.co/camlab-ethz',
  ]);
  assert.deepEqual(urls('e.g. i.i.d. data, Fig. 3.2, v1.2.3 and 0.5x'), []);
});

test('regions: prose, URLs, emphasis; a % is prose like the rest', () => {
  const text = 'a {\\em b} c \\texttt{d} https://e.io/%41 f %comment g\nh';
  assert.deepEqual(
    splitRegions(text).map((r) => [r.kind, r.text]),
    [
      ['prose', 'a '],
      ['em', 'b'],
      ['prose', ' c '],
      ['plain', 'd'],
      ['prose', ' '],
      ['url', 'https://e.io/%41'],
      ['prose', ' f %comment g\nh'],
    ],
  );
});

test("the authors' own \\(...\\) and \\[...\\] formulas are regions of their own, kept as they stand", () => {
  const regions = splitRegions('the model \\( x = Ax + Bu \\), and \\[ \\partial_t g = S \\] but \\(end\\) in a regex');
  assert.deepEqual(
    regions.filter((r) => r.kind === 'tex').map((r) => r.text),
    ['x = Ax + Bu', '\\partial_t g = S'],
  );
});
