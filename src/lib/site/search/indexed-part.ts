/**
 * The part of a page that Pagefind reads. A site that marks what to index with
 * data-pagefind-body makes Pagefind ignore the text of everything else on the page; what it
 * takes is the <html> element's attributes (lang), the data-pagefind-body elements' content, and
 * the data-pagefind-* attributes (meta, filters, sort). On a paper page all of those sit in one
 * <article>, so the indexer is given `<html ...><body><article>…</article></body></html>`: the
 * same index, byte for byte (indexed-part.test.ts, and the benchmark's 10,000-paper corpus),
 * from a quarter of the markup to send and parse.
 * The page is given whole unless that is certain: exactly one <article>; every data-pagefind-
 * attribute of the page inside it; an explicit title meta in it (else Pagefind falls back to
 * the first <h1> or the <title>, which may be outside); no <img> outside it (Pagefind takes the
 * first image after the title as the result's image); no id inside it (anchor numbers count
 * the elements with an id before them).
 */

const PAGEFIND_ATTRIBUTE = /\sdata-pagefind-/g;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

export function indexedPart(html: string): string {
  const open = /<html\b[^>]*>/i.exec(html);
  const start = html.indexOf('<article');
  const end = html.indexOf('</article>');
  if (!open || start < 0 || end < start || html.indexOf('<article', start + 1) !== -1 || html.indexOf('</article>', end + 1) !== -1)
    return html;
  const close = end + '</article>'.length;
  const article = html.slice(start, close);
  const outside = html.slice(0, start) + html.slice(close);
  if (count(article, PAGEFIND_ATTRIBUTE) !== count(html, PAGEFIND_ATTRIBUTE)) return html;
  if (!/\sdata-pagefind-meta="title:/.test(article) || /<img\b/i.test(outside) || /\sid=/.test(article)) return html;
  return `${open[0]}<body>${article}</body></html>`;
}
