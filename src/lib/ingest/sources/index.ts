/**
 * Parses any source digest into papers; the entry point for the ingest. The JSON and XML
 * parsers load their libraries on first use (json.ts, xml.ts): a text digest needs neither.
 */
import { MAX_ABSTRACT_LENGTH, parseDigest } from '../digest/parse.ts';
import { InputError } from '../../contract/errors.ts';
import { isValidIsoDate, toIso } from '../digest/date.ts';
import { parseArxivAtom } from './arxiv-atom.ts';
import { detectSource } from './detect.ts';
import { parseHfDaily } from './hf-daily.ts';
import type { SourceDigest, SourceKind } from './types.ts';

export type { SourceDigest, SourceKind, SourcePaper } from './types.ts';

/** Parses `text` as `kind`, or as the kind detectSource finds. Bad input: an InputError naming `file` and a line. */
export function parseSource(text: string, file: string, kind: SourceKind = detectSource(text)): SourceDigest {
  const digest =
    kind === 'hf-daily' ? parseHfDaily(text, file) : kind === 'arxiv-atom' ? parseArxivAtom(text, file) : parseTextSource(text, file);
  for (const p of digest.papers) {
    if (p.abstract.length > MAX_ABSTRACT_LENGTH) {
      throw new InputError(
        file,
        p.abstractLine ?? p.line,
        `the abstract of "${p.title.slice(0, 60)}" is ${p.abstract.length.toLocaleString('en')} characters, over the limit of ${MAX_ABSTRACT_LENGTH.toLocaleString('en')}`,
      );
    }
  }
  return digest;
}

function parseTextSource(text: string, file: string): SourceDigest {
  const digest = parseDigest(text, file);
  const out: SourceDigest = {
    kind: 'text',
    papers: digest.papers.map((p) => ({
      title: p.title,
      abstract: p.abstract,
      rank: p.rank,
      line: p.line,
      abstractLine: p.abstractLine,
      hasTex: false,
    })),
  };
  const d = digest.dateLine;
  if (d !== undefined && digest.dateLineNumber !== undefined) {
    out.dateLine = { value: d, line: digest.dateLineNumber };
    if (d.year !== undefined && isValidIsoDate(toIso(d.year, d.month, d.day))) out.date = toIso(d.year, d.month, d.day);
  }
  return out;
}
