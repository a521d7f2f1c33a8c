/** Tells a source's format from its content. */
import type { SourceKind } from './types.ts';

/**
 * 'hf-daily' for JSON (an array, or an object so that its parser can say it wanted an array),
 * 'arxiv-atom' for XML (an Atom feed, or any XML document so that its parser can say it is not
 * an Atom feed), else 'text'. A text digest whose first line opens with "[" ("[Re] ...") stays
 * text: JSON must open with "[" then "{", "[", "]" or '"' (or "{" then '"' or "}").
 */
export function detectSource(text: string): SourceKind {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200);
  if (/^\[\s*[{[\]"]/.test(head) || /^\{\s*["}]/.test(head)) return 'hf-daily';
  if (/^<(?:\?xml[\s?]|!--|[A-Za-z_][\w.:-]*[\s/>])/.test(head)) return 'arxiv-atom';
  return 'text';
}
