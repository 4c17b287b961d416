/**
 * The static server (scripts/lib/static-server.ts) sends text compressed to a browser that
 * asks for it, as a web host does, and everything else as it is on disk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, serveDist, type RunningServer } from '../../scripts/lib/static-server';

const page = `<!doctype html><title>x</title>${'<p>A passage of the dossier.</p>'.repeat(2000)}`;
const fragment = Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]);
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-serve-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'index.html'), page);
  writeFileSync(join(dir, 'x.pf_fragment'), fragment);
  writeFileSync(join(dir, '404.html'), '<p>Not here</p>');
  server = await serveDist(45_000 + Math.floor(Math.random() * 1000), dir, '127.0.0.1', 20);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function fetchRaw(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const { hostname, port } = new URL(server.url);
    // the path as sent, not resolved as a URL ("//a/" stays a path)
    get({ hostname, port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['GZIP', true],
    ['', false],
    ['identity', false],
    ['br', false],
    ['gzip;q=0', false],
    ['gzip;q=0, br', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip({ headers: { 'accept-encoding': header } })).toBe(expected);
  });
});

describe('serveDist', () => {
  it('sends a page gzip-compressed to a browser that accepts it, the same bytes once decompressed', async () => {
    const res = await fetchRaw('/a/', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.length).toBeLessThan(page.length / 10);
    expect(gunzipSync(res.body).toString()).toBe(page);
  });

  it('sends it as it is to a client that does not ask for compression', async () => {
    const res = await fetchRaw('/a/');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(page);
  });

  it("never compresses again Pagefind's files, which are compressed already", async () => {
    const res = await fetchRaw('/x.pf_fragment', 'gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(fragment)).toBe(true);
  });

  it('answers an unknown path with the 404 page, compressed too', async () => {
    const res = await fetchRaw('/nowhere/', 'gzip');
    expect(res.status).toBe(404);
    expect(gunzipSync(res.body).toString()).toBe('<p>Not here</p>');
  });

  it('reads a path that starts with two slashes as a path, refuses what is not a path, and goes on serving', async () => {
    expect((await fetchRaw('//a/')).status).toBe(200);
    // "//" alone once ended the process (read as a URL with an empty host)
    expect((await fetchRaw('//')).status).toBe(404);
    expect((await fetchRaw('/%E0%A4%A/')).status).toBe(404);
    expect((await fetchRaw('/../../etc/passwd')).status).toBe(404);
    expect((await fetchRaw(`/..%2f${basename(dir)}-other/x`)).status).toBe(404);
    expect((await fetchRaw('/a/')).status).toBe(200);
  });

  it('answers 404 in plain text when the site has no 404 page, and goes on serving', async () => {
    rmSync(join(dir, '404.html'));
    const res = await fetchRaw('/nowhere/');
    expect(res.status).toBe(404);
    expect(res.body.toString()).toBe('Not found\n');
    expect((await fetchRaw('/a/')).status).toBe(200);
  });
});
