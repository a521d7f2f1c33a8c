import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arxivTitleSearch } from './paper-links.ts';
import { mathNote } from './provenance.ts';

const base = { textSource: 'restored', arxivId: undefined, title: 'Bounds on ell_infty & More', hasMath: true, incomplete: 0 };

test('restored math is said to be restored, with a way to the original', () => {
  const note = mathNote(base)!;
  assert.match(note.text, /restored by Paperboy.*not the authors’ own/);
  assert.equal(note.href, arxivTitleSearch('Bounds on ell_infty & More'));
  assert.equal(new URL(note.href).searchParams.get('query'), 'Bounds on ell infty & More');
  assert.equal(new URL(note.href).searchParams.get('searchtype'), 'title');
  assert.equal(mathNote({ ...base, arxivId: '2302.00248' })!.href, 'https://arxiv.org/abs/2302.00248');
  assert.match(mathNote({ ...base, incomplete: 2 })!.text, /2 formulas lost part of themselves/);
  assert.match(mathNote({ ...base, textSource: undefined })!.text, /restored/, 'entries from before the record are restorations');
});

test("no note for the authors' own text, nor for a page without math", () => {
  assert.equal(mathNote({ ...base, textSource: 'authors' }), undefined);
  assert.equal(mathNote({ ...base, hasMath: false }), undefined);
});
