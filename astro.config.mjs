// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import atomicOutput from './src/integrations/atomic-output.ts';
import sharePages from './src/integrations/share-pages.ts';

// The public address of the site, used for share-card URLs and canonical links.
const site = process.env.DOSSIER_SITE ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // atomicOutput last: it swaps the finished site (with its share pages and search index) into place.
  integrations: [sharePages(), pagefind(), atomicOutput()],
  markdown: { syntaxHighlight: false },
  // Scripts are few and small; the modulepreload polyfill would cost more than it saves.
  vite: { build: { modulePreload: false } },
  // A strict Content-Security-Policy (as a <meta> tag): Astro hashes the scripts and styles
  // it bundles; nothing inline is allowed otherwise. Pagefind's search runs WebAssembly on the
  // search page's thread (src/client/search/pagefind.ts), hence 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
