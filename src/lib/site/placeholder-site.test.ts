import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlaceholderSite, placeholderWarning } from './placeholder-site.ts';

test('reserved example and test names are placeholders; real hosts are not', () => {
  for (const s of ['https://paperboy.example.org', 'https://example.com/', 'http://x.test', 'http://localhost:4321', 'https://a.b.example'])
    assert.equal(isPlaceholderSite(s), true, s);
  for (const s of ['https://someone.github.io', 'https://example.org.evil.com', 'https://myexample.org', 'https://papers.dev'])
    assert.equal(isPlaceholderSite(s), false, s);
});

test('the warning names the placeholder and how to set SITE', () => {
  assert.match(
    placeholderWarning('https://paperboy.example.org')!,
    /SITE is not set: .* placeholder https:\/\/paperboy\.example\.org\. Set SITE/,
  );
  assert.equal(placeholderWarning('https://someone.github.io'), undefined);
});
