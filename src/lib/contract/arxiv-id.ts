/**
 * arXiv identifiers: new-style "2310.19809" (YYMM.NNNN before 2015, YYMM.NNNNN since) and
 * old-style "archive/YYMMNNN" ("math/0601001", "hep-th/9901001", "math.GT/0309136").
 */

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})$/;
/** Old-style archives have no dot; a ".XX" after one is a subject class, not part of the id. */
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?\/(\d{7})$/;

/**
 * The canonical id of a paper, without version, from a bare id, an "arXiv:" id, or an abs/pdf
 * URL (any host, http or https, with or without a version or ".pdf"); undefined when the text
 * is not an arXiv id. Old-style ids drop the subject class: "math.GT/0309136" → "math/0309136".
 */
export function normaliseArxivId(raw: string): string | undefined {
  let s = raw.trim();
  const url = /^https?:\/\/[^/\s]+\/(?:abs|pdf|html)\/(.+)$/i.exec(s);
  if (url) s = url[1]!;
  else s = s.replace(/^arxiv:\s*/i, '');
  s = s
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .replace(/\.pdf$/i, '')
    .replace(/v\d+$/, '');
  const m = NEW_STYLE.exec(s);
  if (m) {
    const month = Number(m[2]);
    // Five-digit numbers began in January 2015 (1501.00001).
    const fiveDigits = m[3]!.length === 5;
    if (month < 1 || month > 12 || fiveDigits !== Number(m[1]) >= 15) return undefined;
    return s;
  }
  const old = OLD_STYLE.exec(s);
  if (old) {
    const month = Number(old[2]!.slice(2, 4));
    return month >= 1 && month <= 12 ? `${old[1]}/${old[2]}` : undefined;
  }
  return undefined;
}

/** The abstract page of an arXiv id. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
