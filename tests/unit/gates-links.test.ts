import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLinks } from '../gates/links';

let dist: string;

function write(file: string, text: string) {
  mkdirSync(dirname(join(dist, file)), { recursive: true });
  writeFileSync(join(dist, file), text);
}

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>t</title>${head}</head><body>${body}</body></html>`;

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'links-'));
  write('index.html', page('<a href="/articles/one/">one</a>', '<link rel="canonical" href="https://dossier.example/">'));
  write(
    'articles/one/index.html',
    page('<div id="one-abc123"><p>text</p></div><h2 id="a-section">S</h2><a name="legacy"></a>'),
  );
  write('_astro/site.css', 'body { background: url("/img/bg.svg"); }');
  write('img/bg.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterEach(() => rmSync(dist, { recursive: true, force: true }));

const brokenHrefs = () => checkLinks(dist).broken.map((b) => b.href);

describe('checkLinks', () => {
  it('should accept links to pages, ids, named anchors, assets and the site origin', () => {
    write(
      'search/index.html',
      page(
        `<a href="/articles/one/#one-abc123">p</a><a href="../articles/one/#a-section">s</a>
         <a href="/articles/one/#legacy">l</a><a href="#top">top</a><a href="#">none</a>
         <a href="https://dossier.example/articles/one/">abs</a><img src="/img/bg.svg" alt="">
         <a href="https://example.org/nowhere/">external</a><a href="mailto:x@example.org">mail</a>
         <form action="/search/"></form><button data-permalink="/articles/one/#one-abc123">¶</button>`,
        '<link rel="stylesheet" href="/_astro/site.css">',
      ),
    );
    const report = checkLinks(dist);
    expect(report.broken).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(11);
  });

  it('should report a path with no file, naming the page and the element', () => {
    write('search/index.html', page('<a class="result" href="/articles/two/">two</a>'));
    const [broken] = checkLinks(dist).broken;
    expect(broken).toMatchObject({ from: '/search/', href: '/articles/two/', where: '<a class="result">' });
    expect(broken!.reason).toContain('no file for /articles/two/');
  });

  it('should report a fragment with no element of that id in the target page', () => {
    write('search/index.html', page('<a href="/articles/one/#one-ffffff">gone</a><a href="#missing">self</a>'));
    const report = checkLinks(dist);
    expect(report.broken.map((b) => b.reason)).toEqual([
      'no element with id="one-ffffff" in /articles/one/',
      'no element with id="missing" in /search/',
    ]);
  });

  it('should report a directory link without its trailing slash', () => {
    write('search/index.html', page('<a href="/articles/one">one</a>'));
    expect(checkLinks(dist).broken[0]!.reason).toContain('no trailing slash');
  });

  it('should check data-permalink, srcset, script src and CSS url() references', () => {
    write(
      'search/index.html',
      page(
        `<button data-permalink="/articles/one/#nope">¶</button><img alt="" srcset="/img/a.png 1x, /img/bg.svg 2x">
         <script src="/_astro/missing.js"></script>`,
      ),
    );
    write('_astro/other.css', '@font-face { src: url(/fonts/gone.woff2) format("woff2"); }');
    expect(brokenHrefs().sort()).toEqual(['/_astro/missing.js', '/articles/one/#nope', '/fonts/gone.woff2', '/img/a.png']);
  });

  it('should treat absolute links to the site origin as internal', () => {
    write('search/index.html', page('<a href="https://dossier.example/nowhere/">x</a>'));
    expect(brokenHrefs()).toEqual(['https://dossier.example/nowhere/']);
  });
});
