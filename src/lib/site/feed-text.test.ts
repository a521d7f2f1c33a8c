import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { feedText } from './feed-text.ts';

/** What a reader that reads the field as HTML shows. */
const asHtml = (s: string): string => toText(fromHtml(s, { fragment: true }));

test('ordinary titles carry no entity at all', () => {
  for (const t of ["Let's Verify Step by Step", 'A & B: 10 < 20 > 5', 'ℓ∞ Guarantee, “quoted”', 'x < y and y > z'])
    assert.equal(feedText(t), t);
});

test('what HTML would read as markup is escaped, and a reader reading HTML shows the same text', () => {
  const hostile = ['<script>alert(1)</script>', '&amp; &lt; &#123; &copy; &#x41;', '<!-- c -->', '</b>', '<?xml?>', 'AT&T;'];
  for (const t of hostile) {
    const out = feedText(t);
    assert.doesNotMatch(out, /<[A-Za-z!/?]/, t);
    assert.equal(asHtml(out), t, t);
  }
});
