/** A worker thread of the entry renderer: renders entry bodies with the site's Markdown processor. */
import { parentPort } from 'node:worker_threads';
import { markdownProcessor } from '../lib/render/markdown.ts';

export interface RenderRequest {
  id: number;
  body: string;
}

export type RenderReply = { id: number; html: string; headings: unknown[] } | { id: number; error: string };

const renderer = await markdownProcessor().createRenderer({ syntaxHighlight: false } as Parameters<ReturnType<typeof markdownProcessor>['createRenderer']>[0]);

parentPort!.on('message', (request: RenderRequest) => {
  renderer.render(request.body, { frontmatter: {} }).then(
    ({ code, metadata }) => parentPort!.postMessage({ id: request.id, html: code, headings: metadata.headings } satisfies RenderReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
