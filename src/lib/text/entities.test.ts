import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities } from './entities.ts';

test('HTML: named references from the full table, numeric ones, in one pass', () => {
  assert.equal(
    decodeEntities('a &lt; b &amp;&amp; c &#x3C; d &#60; e &#x26; &quot;&apos;&nbsp;&eacute;&hellip;'),
    'a < b && c < d < e & "\'\u00a0é…',
  );
  assert.equal(decodeEntities('&amp;lt;'), '&lt;', 'decoded once');
  assert.equal(
    decodeEntities('&unknown; &#xFFFFFFF; &#0; &#xD800; & alone'),
    '&unknown; &#xFFFFFFF; &#0; &#xD800; & alone',
    'what names no character stays as written',
  );
});

test('XML: only the five predefined names, and references to XML characters', () => {
  assert.equal(decodeEntities('&lt;a&gt; &amp; &quot;&apos; &#233; &#x1F600;', 'xml'), '<a> & "\' é 😀');
  assert.equal(decodeEntities('&nbsp; &eacute; &#1; &#xFFFE;', 'xml'), '&nbsp; &eacute; &#1; &#xFFFE;');
});
