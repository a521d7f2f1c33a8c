import type { ParagraphRule } from './rule.ts';

/** Placeholder: filled in below. */
export const introducedVariable: ParagraphRule = {
  name: 'introduced-variable',
  stage: 'paragraph',
  summary: 'a letter the paragraph introduces as a variable',
  examples: [],
  apply() {
    return [];
  },
};
