/**
 * What a reader downloads to see a page: every response of a fresh page load (no cache,
 * no interaction, so before search is opened), by kind, raw and gzipped.
 *
 * Bytes are counted from the response bodies (Chromium reports 0 for some worker
 * fetches), and gzip is computed here at zlib's default level 6 — the figure a static
 * host with on-the-fly gzip would send — so the numbers are sizes, never timings.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Response } from 'playwright-core';

export const RESOURCE_KINDS = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface LoadedResource {
  url: string;
  kind: ResourceKind;
  raw: number;
  gzip: number;
}

export interface Bytes {
  raw: number;
  gzip: number;
  requests: number;
}

export interface FirstLoad {
  url: string;
  resources: LoadedResource[];
  byKind: Record<ResourceKind, Bytes>;
  total: Bytes;
}

export function kindOf(url: string, contentType: string): ResourceKind {
  const type = contentType.toLowerCase();
  const path = new URL(url).pathname.toLowerCase();
  if (type.includes('text/html')) return 'html';
  if (type.includes('text/css') || path.endsWith('.css')) return 'css';
  if (type.includes('javascript') || type.includes('wasm') || /\.(m?js|wasm)$/.test(path)) return 'js';
  if (type.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (type.startsWith('image/') || /\.(svg|png|jpe?g|gif|webp|avif|ico)$/.test(path)) return 'image';
  return 'other';
}

export function gzipSize(body: Buffer): number {
  return gzipSync(body, { level: 6 }).length;
}

export function sumBytes(resources: LoadedResource[]): Bytes {
  return resources.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, requests: sum.requests + 1 }), {
    raw: 0,
    gzip: 0,
    requests: 0,
  });
}

export function totalsByKind(resources: LoadedResource[]): Record<ResourceKind, Bytes> {
  return Object.fromEntries(
    RESOURCE_KINDS.map((kind) => [kind, sumBytes(resources.filter((r) => r.kind === kind))]),
  ) as Record<ResourceKind, Bytes>;
}

/**
 * Records every response the context receives from now until `stop()` (pages, workers,
 * fetches), and sizes their bodies.
 */
export function recordResponses(context: BrowserContext) {
  const pending: Promise<LoadedResource | null>[] = [];
  const onResponse = (response: Response) => {
    pending.push(sizeResponse(response));
  };
  context.on('response', onResponse);
  return {
    async stop(): Promise<LoadedResource[]> {
      context.off('response', onResponse);
      const all = await Promise.all(pending);
      return all.filter((r): r is LoadedResource => r !== null);
    },
  };
}

async function sizeResponse(response: Response): Promise<LoadedResource | null> {
  const url = response.url();
  if (url.startsWith('data:')) return null;
  const status = response.status();
  if (status >= 300 && status < 400) return null; // a redirect has no body of its own
  const body = await response.body().catch(() => null);
  if (!body) return null;
  const contentType = (await response.allHeaders())['content-type'] ?? '';
  return { url, kind: kindOf(url, contentType), raw: body.length, gzip: gzipSize(body) };
}

/** Loads `url` in a new page of `context` and returns everything it fetched until the network went quiet. */
export async function measureFirstLoad(context: BrowserContext, url: string): Promise<FirstLoad> {
  const recorder = recordResponses(context);
  const page = await context.newPage();
  let resources: LoadedResource[];
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForLoadState('networkidle');
    resources = await recorder.stop();
  } finally {
    await page.close();
  }
  return { url, resources, byKind: totalsByKind(resources), total: sumBytes(resources) };
}

export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
