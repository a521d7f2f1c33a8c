/**
 * Every detection rule, in the order the detector asks them (chunk.ts, detect.ts). To add one:
 * a file here with its doc comment, summary and examples (rules.test.ts runs them), and its
 * place in one of these lists.
 */
import { accentOnVariable } from './accent-on-variable.ts';
import { acronymScript } from './acronym-script.ts';
import { arrowInName } from './arrow-in-name.ts';
import { barPair } from './bar-pair.ts';
import { arrowBetweenNumbers } from './arrow-between-numbers.ts';
import { gluedArithmetic } from './arithmetic.ts';
import { degreeUnit } from './degree-unit.ts';
import { distinctiveCommand } from './distinctive-command.ts';
import { fromToRange } from './from-to-range.ts';
import { functionApplication } from './function-application.ts';
import { functionOfVariable } from './function-of-variable.ts';
import { functionSignature } from './function-signature.ts';
import { gluedGroup } from './glued-group.ts';
import { gluedNumbers } from './glued-numbers.ts';
import { gluedOperatorOperand } from './glued-operator-operand.ts';
import { greekBeforeAcronym } from './greek-before-acronym.ts';
import { greekBeforeCapital } from './greek-before-capital.ts';
import { greekVariant } from './greek-variant.ts';
import { greekProperName } from './greek-proper-name.ts';
import { hyphenatedEnglish } from './hyphenated-english.ts';
import { hyphenatedName } from './hyphenated-name.ts';
import { introducedVariable } from './introduced-variable.ts';
import { leftoverText } from './leftover-text.ts';
import { loneGreekName } from './lone-greek-name.ts';
import { letterOrdinal } from './letter-ordinal.ts';
import { mathInGroup } from './math-in-group.ts';
import { microUnit } from './micro-unit.ts';
import { nameParameter } from './name-parameter.ts';
import { nameVariant } from './name-variant.ts';
import { numberRange } from './number-range.ts';
import { numberTimes } from './number-times.ts';
import { operatorBetweenNames } from './operator-between-names.ts';
import { paragraphSymbol } from './paragraph-symbol.ts';
import { relationBeforeNumber } from './relation-before-number.ts';
import { relationGluedToNumber } from './relation-glued-to-number.ts';
import type { AtomRule, CutRule, EvidenceRule, ParagraphRule, RuleExample, SeedRule, VetoRule } from './rule.ts';
import { script } from './script.ts';
import { scriptLabel } from './script-label.ts';
import { scriptOnWord } from './script-on-word.ts';
import { spacedOperator } from './spaced-operator.ts';
import { spacedPlusMinus } from './spaced-plus-minus.ts';
import { spacingGroup } from './spacing-group.ts';
import { statisticLabel } from './statistic-label.ts';
import { symbolBeforeName } from './symbol-before-name.ts';
import { symbolInInterval } from './symbol-in-interval.ts';
import { verticalArrow } from './vertical-arrow.ts';
import { versionedName } from './versioned-name.ts';

/** Whole formulas in one chunk; the first that finds one decides the chunk. */
export const ATOM_RULES: readonly AtomRule[] = [
  verticalArrow,
  letterOrdinal,
  greekVariant,
  nameVariant,
  symbolBeforeName,
  arrowInName,
  nameParameter,
  operatorBetweenNames,
  greekBeforeAcronym,
  greekBeforeCapital,
];
/** Prose cut off a chunk's core, in order. */
export const CUT_RULES: readonly CutRule[] = [hyphenatedEnglish, acronymScript, scriptOnWord, degreeUnit, numberRange];
/** A chunk kept as prose, whatever its evidence. */
export const CHUNK_VETOES: readonly VetoRule[] = [hyphenatedName, versionedName];
/** What no English has, unit by unit; the first that holds is credited. */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  gluedNumbers,
  distinctiveCommand,
  scriptLabel,
  script,
  gluedArithmetic,
  functionApplication,
  spacingGroup,
  gluedGroup,
  mathInGroup,
  barPair,
  leftoverText,
];
/** Neighbouring chunks that are math together. */
export const SEED_RULES: readonly SeedRule[] = [
  spacedPlusMinus,
  spacedOperator,
  gluedOperatorOperand,
  functionOfVariable,
  relationBeforeNumber,
  numberTimes,
  arrowBetweenNumbers,
  accentOnVariable,
  functionSignature,
  symbolInInterval,
];
/** Chunks turned back to prose after the seeds. */
export const RUN_VETOES: readonly VetoRule[] = [greekProperName, statisticLabel];
/** More formulas from what the paragraph says elsewhere. */
export const PARAGRAPH_RULES: readonly ParagraphRule[] = [paragraphSymbol, introducedVariable, loneGreekName];

/** Every rule, for the examples' test and --explain. */
export const ALL_RULES: readonly { name: string; stage: string; summary: string; examples: readonly RuleExample[] }[] = [
  relationGluedToNumber,
  microUnit,
  ...ATOM_RULES,
  ...CUT_RULES,
  ...CHUNK_VETOES,
  ...EVIDENCE_RULES,
  ...SEED_RULES,
  ...RUN_VETOES,
  fromToRange,
  ...PARAGRAPH_RULES,
];
