/** Reads an entry body back into text, math and emphasis: for excerpts, feeds and the index. */
import type { Nodes, Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { segmentsText, type BodySegment } from '../text/segments.ts';

const parser = unified().use(remarkParse).use(remarkMath);

function collect(node: Nodes, out: BodySegment[]): void {
  switch (node.type) {
    case 'text':
      out.push({ kind: 'text', value: node.value });
      return;
    case 'inlineMath':
    case 'math':
      out.push({ kind: 'math', tex: node.value });
      return;
    case 'emphasis':
    case 'strong': {
      const inner: BodySegment[] = [];
      node.children.forEach((c) => collect(c, inner));
      out.push({ kind: 'em', value: segmentsText(inner) });
      return;
    }
    case 'link': {
      const inner: BodySegment[] = [];
      node.children.forEach((c) => collect(c, inner));
      out.push({ kind: 'link', href: node.url, text: segmentsText(inner, 'tex') });
      return;
    }
    case 'inlineCode':
      out.push({ kind: 'text', value: node.value });
      return;
    case 'break':
      out.push({ kind: 'text', value: ' ' });
      return;
    default:
      if ('children' in node) {
        const before = out.length;
        (node.children as Nodes[]).forEach((c) => collect(c, out));
        // Paragraphs and other blocks are separated by a space in the flat reading.
        if (out.length > before && node.type !== 'root') out.push({ kind: 'text', value: ' ' });
      }
  }
}

/** Merges neighbouring text segments, trimming the whole. */
function tidy(segments: BodySegment[]): BodySegment[] {
  const out: BodySegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (s.kind === 'text' && last?.kind === 'text') last.value += s.value;
    else out.push({ ...s });
  }
  const first = out[0];
  if (first?.kind === 'text') first.value = first.value.trimStart();
  const last = out[out.length - 1];
  if (last?.kind === 'text') last.value = last.value.trimEnd();
  return out.filter((s) => s.kind !== 'text' || s.value !== '');
}

/** The segments of a parsed body (Markdown with math, or plain MDX: the trees agree). */
export function segmentsOf(tree: Root): BodySegment[] {
  const out: BodySegment[] = [];
  collect(tree, out);
  return tidy(out);
}

export function readBody(body: string): BodySegment[] {
  return segmentsOf(parser.parse(body) as Root);
}
