import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiFold, bibtex, bibtexKey, bibtexTitle } from './bibtex.ts';

test('an arXiv-style @misc entry', () => {
  assert.equal(
    bibtex({
      title: 'MgNO: Efficient Parameterization of Linear Operators via Multigrid',
      authors: ['Juncai He', 'Xinliang Liu', 'Jinchao Xu'],
      arxivId: '2310.19809',
      year: '2023',
      primaryCategory: 'cs.LG',
    }),
    [
      '@misc{he2023mgno,',
      '  title={{MgNO}: Efficient Parameterization of Linear Operators via Multigrid},',
      '  author={Juncai He and Xinliang Liu and Jinchao Xu},',
      '  year={2023},',
      '  eprint={2310.19809},',
      '  archivePrefix={arXiv},',
      '  primaryClass={cs.LG},',
      '  url={https://arxiv.org/abs/2310.19809}',
      '}',
    ].join('\n'),
  );
});

test('math is kept as $...$; the key skips it and stop words', () => {
  const entry = bibtex({
    title: 'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee',
    authors: ['Zhao Song', 'Mingquan Ye', 'Junze Yin', 'Lichen Zhang'],
    arxivId: 'http://arxiv.org/abs/2302.00248v2',
    year: '2023',
  });
  assert.match(entry, /^@misc\{song2023nearly,$/m);
  assert.match(entry, /^ {2}title=\{A Nearly-Optimal Bound for Fast Regression with \$\\ell_\\infty\$ Guarantee\},$/m);
  assert.match(entry, /^ {2}eprint=\{2302\.00248\},$/m);
  assert.doesNotMatch(entry, /primaryClass/);
  assert.match(entry, /url=\{https:\/\/arxiv\.org\/abs\/2302\.00248\}\n\}$/);
  assert.equal(bibtexKey({ title: '$\\ell_p$ Regression: The Case', authors: ['A B'], year: '2020' }), 'b2020regression');
});

test('special characters outside math are escaped; braces stay balanced', () => {
  assert.equal(
    bibtexTitle('50% of {Braces} & #tags_with ~ and ^ in C:\\dir'),
    '50\\% of \\{Braces\\} \\& \\#tags\\_with \\textasciitilde{} and \\textasciicircum{} in C:\\textbackslash{}dir',
  );
  assert.equal(bibtexTitle('Costs \\$5 and $10'), 'Costs \\$5 and \\$10');
  // BibTeX counts escaped braces too: unpaired ones are written as commands. Math with
  // unbalanced braces would break the entry: it is escaped as text instead.
  assert.equal(bibtexTitle('Bad $x}$ math'), 'Bad \\$x\\textbraceright{}\\$ math');
  assert.equal(bibtexTitle('Open { only'), 'Open \\textbraceleft{} only');
  assert.equal(bibtexTitle('} then {'), '\\textbraceright{} then \\textbraceleft{}');
  assert.equal(bibtexTitle('Good $\\{x\\}$ set'), 'Good $\\{x\\}$ set');
  for (const title of ['{{{', '}}}', 'a } b { c', '$}$ $\\$ {$']) {
    const out = bibtexTitle(title);
    let depth = 0;
    for (const ch of out) {
      if (ch === '{') depth += 1;
      if (ch === '}') depth -= 1;
      assert.ok(depth >= 0, out);
    }
    assert.equal(depth, 0, out);
  }
});

test('words with inner capitals are braced so that styles keep their case', () => {
  assert.equal(bibtexTitle('SNIP: Bridging Symbolic and Numeric Realms'), '{SNIP}: Bridging Symbolic and Numeric Realms');
  assert.equal(
    bibtexTitle('Text2PDE with GPT-4o and iPhone Self-Tuning Networks for PDEs'),
    '{Text2PDE} with {GPT-4o} and {iPhone} Self-Tuning Networks for {PDEs}',
  );
  assert.equal(bibtexTitle('  Wrapped\n  Title '), 'Wrapped Title');
});

test('keys: ASCII-folded surname, year, first significant word', () => {
  assert.equal(bibtexKey({ title: 'The Élan of Ørsted', authors: ['Łukasz Müller-Šimon'], year: '2021' }), 'mullersimon2021elan');
  assert.equal(bibtexKey({ title: 'Straße', authors: ['Jürgen Groß'], year: '1999' }), 'gross1999strasse');
  assert.equal(bibtexKey({ title: 'On the Provable Advantage', authors: ['Kalai, Adam Tauman'], year: '2025' }), 'kalai2025provable');
  assert.equal(bibtexKey({ title: 'When, Why and How Much?', authors: ['Martin Luther King Jr.'], year: '2024' }), 'king2024when');
  assert.equal(bibtexKey({ title: 'The A', authors: [], year: '2024' }), 'anon2024the');
  assert.equal(bibtexKey({ title: '深度学习', authors: ['张三'], year: '2024' }), 'anon2024');
  assert.equal(asciiFold('Ærøskøbing Þór ı'), 'aeroskobingthori');
});

test('authors: joined with "and"; a name containing "and" is braced; blanks dropped', () => {
  const entry = bibtex({
    title: 'T',
    authors: ['Ana María Suárez', ' ', 'Procter and Gamble Research', "O'Neil & Sons"],
    arxivId: 'math/0601001',
    year: '2006',
  });
  assert.match(entry, /^ {2}author=\{Ana María Suárez and \{Procter and Gamble Research\} and O'Neil \\& Sons\},$/m);
  assert.match(entry, /^@misc\{suarez2006t,$/m);
  assert.match(entry, /eprint=\{math\/0601001\}/);
  assert.doesNotMatch(bibtex({ title: 'T', authors: [], arxivId: '2310.19809', year: '2023' }), /author=/);
});

test("a bad id or year is the caller's mistake", () => {
  assert.throws(() => bibtex({ title: 'T', authors: ['A'], arxivId: 'nope', year: '2023' }), RangeError);
  assert.throws(() => bibtex({ title: 'T', authors: ['A'], arxivId: '2310.19809', year: '23' }), RangeError);
});
