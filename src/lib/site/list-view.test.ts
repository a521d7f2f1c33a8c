import assert from 'node:assert/strict';
import { test } from 'node:test';
import { record } from '../../../test/support/paper-record.ts';
import { splitMath } from '../text/split.ts';
import { plainText } from './meta.ts';
import { EXCERPT_CHARS, LINE_CHARS, listItem, listShowsMath, oneLine, shortAuthors, shorten, topicFilter } from './list-view.ts';

const topicName = new Map([
  ['neural-operators', 'Neural operators'],
  ['inverse-problems', 'Inverse problems'],
]);

test('an item shows its title as rich text, a one-line excerpt, its topics and its links', () => {
  const item = listItem(record(), topicName, { rank: 2 });
  assert.equal(item.title, 'Bounds with $\\ell_\\infty$ guarantee');
  assert.deepEqual(item.excerpt, { rich: 'We prove a bound with $\\epsilon^{-2}$ samples. It is tight.' });
  // In a paper page's related list, plain text: math as Unicode.
  assert.deepEqual(listItem(record(), topicName, { plain: true }).excerpt, { plain: 'We prove a bound with ε⁻² samples. It is tight.' });
  assert.equal(item.rank, 2);
  assert.deepEqual(item.topics, [{ id: 'neural-operators', name: 'Neural operators' }]);
  assert.deepEqual(
    item.links.map((l) => l.label),
    ['Find on arXiv', 'Google Scholar'],
  );
  assert.equal(new URL(item.links[0]!.href).searchParams.get('query'), 'Bounds with ℓ∞ guarantee');
  // The source's own title, when known, is what the searches look for.
  const fromSource = listItem(record({ sourceTitle: 'Bounds with ell_infty guarantee' }), topicName);
  assert.equal(new URL(fromSource.links[0]!.href).searchParams.get('query'), 'Bounds with ell infty guarantee');
  assert.equal('authors' in item, false);
});

test('a paper with an id and authors links to arXiv, its PDF and Hugging Face, and names its authors in short', () => {
  const item = listItem(record({ arxivId: '2310.19809', authors: ['Juncai He', 'Xinliang Liu', 'Jinchao Xu', 'A. N. Other'] }), topicName, {
    date: '2025-03-17',
  });
  assert.deepEqual(
    item.links.map((l) => l.href),
    ['https://arxiv.org/abs/2310.19809', 'https://arxiv.org/pdf/2310.19809', 'https://huggingface.co/papers/2310.19809'],
  );
  assert.equal(item.authors, 'Juncai He, Xinliang Liu et al.');
  assert.equal(item.date, '2025-03-17');
});

test('plain excerpts are cut at a word, with an ellipsis; rich ones past one line, for CSS to cut', () => {
  const long = `${'word '.repeat(60)}end.`;
  const excerpt = listItem(record({ excerpt: long }), topicName, { plain: true }).excerpt;
  assert.ok('plain' in excerpt);
  assert.ok(excerpt.plain.length <= EXCERPT_CHARS, `${excerpt.plain.length}`);
  assert.match(excerpt.plain, /^word( word)+…$/);
  const rich = listItem(record({ excerpt: long }), topicName).excerpt;
  assert.ok('rich' in rich);
  assert.match(rich.rich, /^word( word)+…$/);
  assert.ok(rich.rich.length > LINE_CHARS && rich.rich.length < LINE_CHARS + 10, `${rich.rich.length}`);
  assert.equal(shorten('short', 10), 'short');
  assert.equal(shorten('abcdefghijklmnop', 8), 'abcdefg…');
});

test('oneLine keeps every formula whole, counts them as shown, and leaves a short excerpt as it is', () => {
  const short = 'We prove a bound with $\\epsilon^{-2}$ samples. It costs \\$5.';
  assert.equal(oneLine(short), short);
  // A formula that starts before the limit stays whole, and ends the excerpt.
  const math = `Given $A\\in \\mathbb{R}^{n\\times d}$ and ${'x '.repeat(45)}$x^*=\\arg\\min_{x} \\|Ax-b\\|_2$ and $b$ and more.`;
  const cut = oneLine(math);
  assert.ok(cut.endsWith('$x^*=\\arg\\min_{x} \\|Ax-b\\|_2$…'), cut);
  assert.deepEqual(
    splitMath(cut).filter((s) => s.kind === 'math'),
    splitMath(math)
      .filter((s) => s.kind === 'math')
      .slice(0, 2),
  );
  // What shows counts: a formula's TeX is longer than its Unicode.
  const tex = `${'$\\mathbb{R}$ '.repeat(100)}end`;
  assert.equal(plainText(oneLine(tex)).replace(/…$/, '').length, 'ℝ '.repeat(LINE_CHARS / 2).trim().length);
  // A literal dollar stays literal after the cut.
  const dollar = oneLine(`It costs \\$5 ${'word '.repeat(60)}`);
  assert.ok(dollar.startsWith('It costs \\$5 word'), dollar);
  assert.equal(splitMath(dollar).length, 1);
});

test('authors in short', () => {
  assert.equal(shortAuthors(undefined), undefined);
  assert.equal(shortAuthors(['A']), 'A');
  assert.equal(shortAuthors(['A', 'B']), 'A and B');
  assert.equal(shortAuthors(['A', 'B', 'C']), 'A, B and C');
});

test("the topic filter counts the list's papers per topic, most first", () => {
  const items = [
    record({ id: 'a' }),
    record({ id: 'b', topics: ['inverse-problems', 'neural-operators'] }),
    record({ id: 'c', topics: ['inverse-problems'] }),
    record({ id: 'd', topics: [] }),
  ].map((r) => listItem(r, topicName));
  assert.deepEqual(topicFilter(items), [
    { id: 'inverse-problems', name: 'Inverse problems', count: 2 },
    { id: 'neural-operators', name: 'Neural operators', count: 2 },
  ]);
});

test('a list shows math when a title or a rich excerpt has a formula', () => {
  assert.equal(listShowsMath([listItem(record({ title: 'Plain', excerpt: 'No math.' }), topicName)]), false);
  assert.equal(listShowsMath([listItem(record({ title: 'Plain' }), topicName)]), true);
  assert.equal(listShowsMath([listItem(record({ title: 'Plain' }), topicName, { plain: true })]), false);
});
