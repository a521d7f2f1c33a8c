import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseSlug, titleKey, uniqueSlug } from './slug.ts';

test('slugs are readable, lower-case words of the title', () => {
  assert.equal(
    baseSlug('MgNO: Efficient Parameterization of Linear Operators via Multigrid'),
    'mgno-efficient-parameterization-of-linear-operators-via-multigrid',
  );
  assert.equal(
    baseSlug('Why Warmup the Learning Rate? Underlying Mechanisms and Improvements'),
    'why-warmup-the-learning-rate-underlying-mechanisms-and-improvements',
  );
  assert.equal(baseSlug('Bounds on $\\ell_\\infty$ error'), 'bounds-on-ell-infty-error');
  assert.equal(baseSlug('Apprentissage à grande échelle'), 'apprentissage-à-grande-échelle');
  assert.equal(baseSlug('<script>alert(1)</script>'), 'scriptalert1script');
  assert.match(baseSlug('!!!'), /^paper-[0-9a-f]{10}$/);
});

test('long titles are cut at a word, within 80 characters', () => {
  const slug = baseSlug('word '.repeat(100));
  assert.ok(slug.length <= 80);
  assert.match(slug, /^word(-word)+$/);
});

test('a collision gets the first free numeric suffix', () => {
  assert.equal(uniqueSlug('a', new Set()), 'a');
  assert.equal(uniqueSlug('a', new Set(['a'])), 'a-2');
  assert.equal(uniqueSlug('a', new Set(['a', 'a-2'])), 'a-3');
});

test('title keys ignore case, spacing and punctuation', () => {
  assert.equal(titleKey('MgNO:  Efficient  Parameterization'), titleKey('mgno: efficient parameterization'));
  // Punctuation is part of a title.
  assert.notEqual(titleKey('Fast C# Kernels for Sparse Attention'), titleKey('Fast C++ Kernels for Sparse Attention'));
  assert.notEqual(titleKey('MgNO: Efficient'), titleKey('MgNO Efficient'));
  // The source's TeX damage and Unicode forms are not differences.
  assert.equal(titleKey('Bounds on $\\ell_\\infty$ Regression'), titleKey('Bounds on ell_infty Regression'));
  assert.equal(titleKey('A $\\mathcal{O}(n)$ Method'), titleKey('A O(n) method'));
  assert.equal(titleKey('Caf\u00e9 Learning'), titleKey('Cafe\u0301 Learning'));
  assert.notEqual(titleKey('Attention is all you need'), titleKey('Attention is not all you need'));
});

test('slugs fit a file name in bytes, for any script, and stay stable', () => {
  const titles = [
    '大规模语言模型的高效训练方法研究：基于稀疏注意力机制与混合专家架构的可扩展性分析以及在多语言理解任务上的实证评估与理论解释和未来方向的系统性综述',
    'ニューラルネットワークの学習率とバッチサイズの関係についての理論的および実験的研究、ならびに大規模分散学習における最適化手法の比較と評価に関する総合的な考察',
    '🚀🔥🤖 '.repeat(40),
    '𝔸𝕓𝕔 '.repeat(60),
    'Ünïcödé ' + 'ж'.repeat(300),
  ];
  for (const title of titles) {
    const slug = baseSlug(title);
    assert.ok(Buffer.byteLength(`.${slug}-99.mdx.0123456789ab.ingest-tmp`) <= 255, `${slug}: ${Buffer.byteLength(slug)} bytes`);
    assert.ok(slug.length > 0 && !slug.startsWith('-') && !slug.endsWith('-'), slug);
    assert.equal(baseSlug(title), slug, 'the same title, the same slug');
    assert.equal(slug, slug.normalize('NFC'));
  }
  // Emoji-only titles: distinct titles, distinct stable slugs.
  assert.notEqual(baseSlug('🚀🚀'), baseSlug('🔥🔥'));
  assert.match(baseSlug('🚀🚀'), /^paper-[0-9a-f]{10}$/);
});
