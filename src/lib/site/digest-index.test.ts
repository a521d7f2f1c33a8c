import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DIGEST_PAGE_SIZE, digestPageHref } from './digest-index.ts';

test('a paper links to the digest page that lists it: 50 a page', () => {
  assert.equal(DIGEST_PAGE_SIZE, 50);
  assert.equal(digestPageHref('/', '2025-05-01', 1), '/digests/2025-05-01/');
  assert.equal(digestPageHref('/', '2025-05-01', 50), '/digests/2025-05-01/');
  assert.equal(digestPageHref('/', '2025-05-01', 51), '/digests/2025-05-01/2/');
  assert.equal(digestPageHref('/paperboy/', '2025-05-01', 101), '/paperboy/digests/2025-05-01/3/');
});
