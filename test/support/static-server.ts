/**
 * A plain static file server for a built site, as any static host serves it: files, folder
 * index.html, 404.html with status 404, a folder without its slash redirected. No rewrites, no
 * compression: the tests see what a host would send.
 * As a module: startStaticServer(dir) listens on a free port of 127.0.0.1 and resolves with its
 * origin. As a command: tsx test/support/static-server.ts [dir] [port], port 0 (any free one) by
 * default; it prints `serving DIR at http://127.0.0.1:PORT/` once it listens.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

function handler(root: string): Parameters<typeof createServer>[1] {
  async function fileFor(pathname: string): Promise<string | undefined> {
    const path = normalize(join(root, decodeURIComponent(pathname)));
    if (!path.startsWith(root)) return undefined;
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
    if (info?.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
    return undefined;
  }
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = await fileFor(url.pathname).catch(() => undefined);
    // A folder asked for without its slash gets redirected, as static hosts do.
    if (file?.endsWith('index.html') && !url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    let status = 200;
    if (!file) {
      status = 404;
      file = join(root, '404.html');
    }
    res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    if (req.method === 'HEAD') res.end();
    else
      createReadStream(file)
        .on('error', () => res.end())
        .pipe(res);
  };
}

/** Serves `dir` on 127.0.0.1:`port` (0: any free port); rejects with a clear message if it cannot listen. */
export function startStaticServer(dir: string, port = 0): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer(handler(root));
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) =>
      reject(new Error(`the static server for ${root} could not listen on 127.0.0.1:${port}: ${error.message}`)),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        origin: `http://127.0.0.1:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist');
  startStaticServer(dir, Number(process.argv[3] ?? 0)).then(
    ({ origin }) => console.log(`serving ${dir} at ${origin}/`),
    (error: Error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  );
}
