import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheDir, contentPaths, contentRoot, outDir } from './paths.ts';

test('the content root: the option, else PAPERBOY_CONTENT, else content/, resolved against the working directory', () => {
  assert.equal(contentRoot(undefined, {}, '/srv/site'), '/srv/site/content');
  assert.equal(contentRoot(undefined, { PAPERBOY_CONTENT: 'fixtures/seed' }, '/srv/site'), '/srv/site/fixtures/seed');
  assert.equal(contentRoot(undefined, { PAPERBOY_CONTENT: '/data/c' }, '/srv/site'), '/data/c');
  assert.equal(contentRoot('other', { PAPERBOY_CONTENT: '/data/c' }, '/srv/site'), '/srv/site/other');
  assert.equal(contentRoot(undefined, { PAPERBOY_CONTENT: '' }, '/srv/site'), '/srv/site/content');
});

test('every path of a content root is absolute, the journal included', () => {
  const p = contentPaths('/srv/site/content/');
  assert.deepEqual(p, {
    root: '/srv/site/content',
    papers: '/srv/site/content/papers',
    digests: '/srv/site/content/digests',
    originals: '/srv/site/content/originals',
    topics: '/srv/site/content/topics',
    journal: '/srv/site/content/.ingest-journal.json',
  });
});

test('build output and cache follow their settings', () => {
  assert.equal(outDir({}, '/p'), '/p/dist');
  assert.equal(outDir({ PAPERBOY_OUT: 'x/dist' }, '/p'), '/p/x/dist');
  assert.equal(cacheDir({}, '/p'), '/p/node_modules/.astro');
  assert.equal(cacheDir({ PAPERBOY_CACHE: '/tmp/c' }, '/p'), '/tmp/c');
});
