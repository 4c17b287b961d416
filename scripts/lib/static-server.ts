/**
 * A small static server for dist/, used by `npm run serve`, the browser tests, the
 * benchmark and screenshots: directory URLs serve index.html, unknown paths the 404 page.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | null> {
  const path = resolve(join(root, normalize(decodeURIComponent(pathname))));
  if (!path.startsWith(root)) return null;
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
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    const file = await fileFor(root, pathname);
    const target = file ?? join(root, '404.html');
    res.writeHead(file ? 200 : 404, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(target).pipe(res);
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
