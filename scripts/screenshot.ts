/**
 * Captures screenshots of the built site, for looking at what we build and for the README.
 *
 *   npm run screenshot -- [--port 4399] [--dist dist] [--out screenshots] [--width 1280] [--dark] path...
 *
 * Serves the built site (`--dist`, dist/ unless told) on the port, or, when a server already
 * listens there (`npm run serve -- --port …`), takes the pages from it.
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/browser';
import { serveDist, type RunningServer } from './lib/static-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '4399' },
    dist: { type: 'string' },
    out: { type: 'string', default: 'screenshots' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '900' },
    dark: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
  },
});

/** The site served here, or the server already listening on the port (unless a site was named). */
async function site(port: number): Promise<RunningServer> {
  try {
    return await serveDist(port, values.dist ?? 'dist');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (values.dist) throw new Error(`Port ${port} is in use: give another --port to serve ${values.dist}`);
    return { url: `http://127.0.0.1:${port}/`, close: async () => {} };
  }
}

const server = await site(Number(values.port));
const browser = await chromium.launch(launchOptions());
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
    colorScheme: values.dark ? 'dark' : 'light',
  });
  await mkdir(values.out, { recursive: true });
  for (const path of positionals.length ? positionals : ['/']) {
    await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${values.width}${values.dark ? '-dark' : ''}.png`;
    await page.screenshot({ path: `${values.out}/${name}`, fullPage: values.full });
    console.log(`screenshot: ${values.out}/${name}`);
  }
} finally {
  await browser.close();
  await server.close();
}
