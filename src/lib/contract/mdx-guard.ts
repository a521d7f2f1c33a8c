/**
 * Entry bodies are MDX restricted to what Markdown also means: the ingest escapes everything
 * else. A body that uses MDX-only syntax (ESM, JSX, `{expressions}`) would not mean the same
 * to the fast Markdown renderer the site uses for entries, so it is refused with its line.
 */
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { InputError } from './errors.ts';

const MDX_ONLY = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

/** The only link targets an entry may hold. */
const SAFE_URL = /^https?:\/\/[^\s]+$/i;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

/**
 * Parses a body as MDX (with math) and returns its tree; throws an InputError naming file and
 * line when the body is not plain-Markdown MDX. The tree is the one Markdown would give, so the
 * loader reads the body's text from it (read-body.ts) instead of parsing it again.
 */
export function parsePlainMdx(body: string, file: string, firstLine: number): Root {
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch (error) {
    const place = (error as { line?: number }).line;
    throw new InputError(file, place === undefined ? firstLine : firstLine + place - 1, `not valid MDX: ${(error as Error).message}`);
  }
  visit(tree, (node) => {
    const line = node.position ? firstLine + node.position.start.line - 1 : firstLine;
    if (MDX_ONLY.has(node.type)) {
      throw new InputError(
        file,
        line,
        `the body uses MDX-only syntax (${node.type}); entries hold text: escape { } < > as \\{ \\} \\< \\>`,
      );
    }
    // A hand edit may add a link: only web addresses, never javascript:, data: or a relative path.
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !SAFE_URL.test(node.url)) {
      throw new InputError(
        file,
        line,
        `the body links to "${node.url.slice(0, 80)}": an entry may link only to http:// or https:// addresses`,
      );
    }
  });
  return tree;
}

export function assertPlainMdx(body: string, file: string, firstLine: number): void {
  parsePlainMdx(body, file, firstLine);
}
