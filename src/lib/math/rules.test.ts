/**
 * Every detection rule's examples are its unit tests: restoreMath writes exactly the formulas
 * the example lists, and where it writes some, the rule is credited on one of them (a veto: on
 * a span it kept as prose).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainFormulas, restoreMath } from './restore.ts';
import { ALL_RULES } from './rules/index.ts';

test('rule names are unique, kebab-case, and every rule has examples', () => {
  const names = ALL_RULES.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  for (const r of ALL_RULES) {
    assert.match(r.name, /^[a-z]+(-[a-z]+)*$/, r.name);
    assert.ok(r.examples.length > 0, `${r.name} has no examples`);
    assert.ok(r.summary.length > 0, r.name);
  }
});

for (const rule of ALL_RULES) {
  test(`rule ${rule.name}: its examples`, () => {
    for (const ex of rule.examples) {
      const written = restoreMath(ex.text).segments.flatMap((s) => (s.kind === 'math' ? [s.tex] : []));
      assert.deepEqual(written, ex.tex, `${rule.name}: ${ex.text}`);
      const { found, vetoes } = explainFormulas(ex.text);
      if (rule.stage === 'veto') {
        if (ex.tex.length === 0 || vetoes.length > 0)
          assert.ok(
            vetoes.some((v) => v.rule === rule.name),
            `${rule.name} vetoes nothing in: ${ex.text}`,
          );
      } else if (ex.tex.length > 0) {
        assert.ok(
          found.some((f) => f.rules?.includes(rule.name)),
          `${rule.name} is not credited in: ${ex.text} (${found.map((f) => `${f.tex}: ${f.rules?.join(',')}`).join('; ')})`,
        );
      }
    }
  });
}
