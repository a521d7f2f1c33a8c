/** Parses any source digest into papers; the entry point for the ingest. */
import { parseDigest } from '../digest/parse.ts';
import { isValidIsoDate, toIso } from '../digest/date.ts';
import { parseArxivAtom } from './arxiv-atom.ts';
import { detectSource } from './detect.ts';
import { parseHfDaily } from './hf-daily.ts';
import type { SourceDigest, SourceKind } from './types.ts';

export type { SourceDigest, SourceKind, SourcePaper } from './types.ts';
export { detectSource } from './detect.ts';
export { parseHfDaily } from './hf-daily.ts';
export { parseArxivAtom } from './arxiv-atom.ts';
export { normaliseArxivId, arxivAbsUrl } from './arxiv-id.ts';
export { containsTex } from './text.ts';
export { bibtex } from './bibtex.ts';

/** Parses `text` as `kind`, or as the kind detectSource finds. Bad input: an InputError naming `file` and a line. */
export function parseSource(text: string, file: string, kind: SourceKind = detectSource(text)): SourceDigest {
  switch (kind) {
    case 'hf-daily':
      return parseHfDaily(text, file);
    case 'arxiv-atom':
      return parseArxivAtom(text, file);
    case 'text':
      return parseTextSource(text, file);
  }
}

function parseTextSource(text: string, file: string): SourceDigest {
  const digest = parseDigest(text, file);
  const out: SourceDigest = {
    kind: 'text',
    papers: digest.papers.map((p) => ({ title: p.title, abstract: p.abstract, rank: p.rank, line: p.line, abstractLine: p.abstractLine, hasTex: false })),
  };
  const d = digest.dateLine;
  if (d !== undefined && digest.dateLineNumber !== undefined) {
    out.dateLine = { value: d, line: digest.dateLineNumber };
    if (d.year !== undefined && isValidIsoDate(toIso(d.year, d.month, d.day))) out.date = toIso(d.year, d.month, d.day);
  }
  return out;
}
