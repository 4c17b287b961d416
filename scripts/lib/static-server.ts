/**
 * A small static server for dist/, used by `npm run serve`, the browser tests, the
 * benchmark and screenshots: directory URLs serve index.html, unknown paths the 404 page.
 * Text is sent gzip-compressed to a browser that accepts it, as any web host sends it, so
 * that what the benchmark and Lighthouse measure is what a reader of the published site
 * downloads. (Pagefind's own files are compressed already.)
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg']);

/** True when the request's Accept-Encoding lists gzip without refusing it (`gzip;q=0`). */
export function acceptsGzip(req: Pick<IncomingMessage, 'headers'>): boolean {
  const header = req.headers['accept-encoding'] ?? '';
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // not a path any file has
  }
  const path = resolve(join(root, normalize(decoded)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    if (await stat(index).catch(() => null)) return index;
  }
  return null;
}

/**
 * Serves `dir` on `host:port`. With `tries` > 1, a port in use moves on to the next
 * one (4321, 4322, …) instead of failing.
 */
export async function serveDist(port: number, dir = 'dist', host = '127.0.0.1', tries = 1): Promise<RunningServer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listen(port + attempt, dir, host);
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || attempt + 1 >= tries) throw error;
    }
  }
}

function listen(port: number, dir: string, host: string): Promise<RunningServer> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    // the request's path as a path ("//x" is not another host), and a request that is not one answered, never fatal
    let pathname: string;
    try {
      pathname = new URL(`http://x${req.url ?? '/'}`).pathname;
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Bad request\n');
      return;
    }
    const file = await fileFor(root, pathname);
    const target = file ?? join(root, '404.html');
    const type = extname(target);
    const gzip = COMPRESSED.has(type) && acceptsGzip(req);
    const body = createReadStream(target);
    // a site without a 404 page, or a file gone since it was found, is answered, never fatal
    body.once('error', () => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
      res.end('Not found\n');
    });
    body.once('open', () => {
      res.writeHead(file ? 200 : 404, {
        'content-type': TYPES[type] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...(COMPRESSED.has(type) && { vary: 'Accept-Encoding' }),
        ...(gzip && { 'content-encoding': 'gzip' }),
      });
      (gzip ? body.pipe(createGzip()) : body).pipe(res);
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () =>
      ok({
        url: `http://${host}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
