/**
 * The search index as the build writes it (src/integrations/search-index.ts): every record
 * becomes one Pagefind document whose text, meta (its URL included) and filters are the
 * record's exactly, whatever characters they hold.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordDocumentPath, recordOf } from '../../src/contract/search';
import type { SearchRecord } from '../../src/corpus/search-records';
import { FACET_TABLE_FILE, type FacetTableJson } from '../../src/contract/facet-table';
import { recordDocument, writeSearchIndex } from '../../src/integrations/search-index';

const records: SearchRecord[] = [
  {
    url: '/articles/the-gazette/#gzt-a1b2c3',
    content: 'Returnees crossed at Ras Jedir, said the mayor: “not one, but dozens” & more <b>bold</b>.',
    language: 'en',
    meta: { headline: 'After the fall: what, exactly, comes next?', outlet: 'The Gazette & Post' },
    filters: { kind: ['passage'], source: ['gzt'], entity: ['Abu Bakr al-Baghdadi', 'Smith, John', 'a "quoted": name'], theme: ['Foreign fighters'] },
  },
  {
    url: '/articles/the-gazette/?note=urn%3Auuid%3A1#gzt-a1b2c3',
    content: 'An editors’ note on Qur’anic schools <script>alert(1)</script>\nschools\nfarming',
    language: 'en',
    meta: { headline: 'After the fall: what, exactly, comes next?', outlet: 'The Gazette & Post' },
    filters: { kind: ['note'] },
  },
  {
    url: `/articles/${'a-very-long-slug-'.repeat(16)}end/#avls-0a0b0c`,
    content: 'A passage of an article whose slug is longer than a file name may be.',
    language: 'en',
    meta: { headline: 'A long headline', outlet: 'Long Outlet' },
    filters: { kind: ['passage'], source: ['avls'] },
  },
  {
    url: '/articles/el-pais/#elp-00ff00',
    content: 'Al-Shām y Túnez',
    language: 'en',
    meta: { headline: 'Después del califato', outlet: 'El País' },
    filters: { kind: ['passage'], source: ['elp'] },
  },
];

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

let site: string;
let fragments: Fragment[];
beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'search-index-test-'));
  await writeSearchIndex(records, join(site, 'pagefind'));
  const folder = join(site, 'pagefind', 'fragment');
  fragments = readdirSync(folder).map((name) => {
    const text = gunzipSync(readFileSync(join(folder, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  });
}, 60_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('writeSearchIndex', () => {
  it('writes the facet table: each passage’s values under its result’s id, no note', () => {
    const table = JSON.parse(readFileSync(join(site, 'pagefind', FACET_TABLE_FILE), 'utf8')) as FacetTableJson;
    const folder = join(site, 'pagefind', 'fragment');
    const ids = readdirSync(folder).map((name) => name.replace(/\.pf_fragment$/, ''));
    expect(Object.keys(table.pages).sort()).toEqual(ids.filter((_, i) => fragments[i]!.filters.kind![0] === 'passage').sort());
    for (const [i, id] of ids.entries()) {
      const row = table.pages[id];
      if (!row) continue;
      const [source, theme, entity] = row;
      expect({
        source: source.map((v) => table.values.source[v]),
        theme: theme.map((v) => table.values.theme[v]),
        entity: entity.map((v) => table.values.entity[v]),
      }).toEqual({ source: [], theme: [], entity: [], ...fragments[i]!.filters, kind: undefined });
    }
  });

  it('indexes one document per record', () => {
    expect(fragments).toHaveLength(records.length);
  });

  it('keeps each record’s text, meta, URL and filters exactly', () => {
    for (const record of records) {
      const fragment = fragments.find((f) => recordOf(f.url)?.url === record.url);
      expect(fragment, record.url).toBeDefined();
      expect(fragment!.content).toBe(record.content.replace(/\s+/g, ' '));
      expect(recordOf(fragment!.url)!.meta).toEqual(record.meta);
      expect(fragment!.filters).toEqual(record.filters);
    }
  });

  it('gives Pagefind no meta field, whose words it would search', () => {
    for (const fragment of fragments) {
      const values = Object.values(fragment.meta);
      const { meta } = recordOf(fragment.url)!;
      expect(values).not.toContain(meta.headline);
      expect(values).not.toContain(meta.outlet);
    }
  });

  it('writes no markup of the record’s own: its text is text', () => {
    const html = recordDocument(records[1]!);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('a record’s URL and meta in its document’s name', () => {
  it('gives them back from the result’s URL, for passages and notes', () => {
    const named = [
      ...records,
      { url: '/articles/caf%C3%A9/#caf-0a0b0c', meta: { headline: 'Café “crème”, [sic] & \\ more', outlet: 'Le Monde' } },
      { url: '/articles/x/?note=a%20b%2Fc#x-1', meta: { headline: '', outlet: '' } },
    ];
    for (const { url, meta } of named) {
      const path = recordDocumentPath({ url, meta });
      expect(path).toMatch(/^[\w-]+(\/[\w-]+)*\.html$/);
      expect(recordOf(`/${path}`)).toEqual({ url, meta });
    }
  });

  it('splits a long name into folders, each name short enough for any file system', () => {
    const record = { url: `/articles/${'a-very-long-slug'.repeat(20)}/?note=${'x'.repeat(60)}#avls-0a0b0c`, meta: { headline: 'H'.repeat(300), outlet: 'O' } };
    const path = recordDocumentPath(record);
    expect(path.split('/').length).toBeGreaterThan(2);
    for (const name of path.split('/')) expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(recordOf(`/${path}`)).toEqual(record);
  });

  it('is null for a URL that is not a record document’s', () => {
    const encode = (text: string) => btoa(text).replace(/=+$/, '');
    const others = ['/articles/x/#x-1', '/search/', '/%%%.html', '/a.html', '/gA.html', '', `/${encode('not json')}.html`, `/${encode('["/a/#b", "h"]')}.html`, `/${encode('[1, 2, 3]')}.html`];
    for (const url of others) expect(recordOf(url), url).toBeNull();
  });
});
