/**
 * The one decoder of character references (`&amp;`, `&#233;`, `&#xE9;`): HTML's named
 * references come from the `entities` library's table; XML knows only its five predefined
 * ones. A reference that names no character (an unknown name, a number that is not a character
 * of the language) is left as written, never guessed at.
 */
import { decodeHTMLStrict } from 'entities';

const XML_PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/g;

/** A character XML 1.0 allows. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const isHtmlChar = (cp: number): boolean => cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);

/** Decodes the references of `text` in one pass ("&amp;lt;" is "&lt;"), as HTML (default) or XML reads them. */
export function decodeEntities(text: string, language: 'html' | 'xml' = 'html'): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return language === 'xml' ? (XML_PREDEFINED[name] ?? all) : decodeHTMLStrict(all);
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return (language === 'xml' ? isXmlChar(cp) : isHtmlChar(cp)) ? String.fromCodePoint(cp) : all;
  });
}
