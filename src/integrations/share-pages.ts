/**
 * Writes the share pages (/p/<id>/, one per passage) as the build's last step but the search
 * index and the swap. They are as many as the passages, and each is a small card — the quote,
 * its Open Graph and Twitter tags, a link on and a redirect — so they are written here from the
 * cards the build left in /p/share-cards.json (src/corpus/share-cards.ts) rather than rendered
 * as Astro pages: Astro's work for a page (its route machinery, a folder and a file, a copy in
 * its incremental cache) cost more than the page itself, and 85 % of the files are share pages.
 * The cards file is deleted once the pages are written.
 */
import type { AstroIntegration } from 'astro';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { shareUrl } from '../contract/routes';
import type { ShareCard, ShareNote } from '../corpus/share-cards';
import { languageAttributes } from '../contract/language';

/** Where the build leaves the cards, relative to the output folder. */
export const CARDS_FILE = 'p/share-cards.json';

/** A share page has no script: its policy allows its stylesheet and icon, from the site, and nothing else. */
const POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** The quote as link previews show it: at most 300 characters. */
export const cardDescription = (text: string) => (text.length > 300 ? `${text.slice(0, 297).trimEnd()}…` : text);

function noteElement(note: ShareNote): Element {
  const by = note.creator && note.creator !== 'Dossier editors' ? ` · ${note.creator}` : '';
  return h('div', { className: ['published-note', `highlight-${note.colour}`] }, [
    h('p.published-note-label', `Editors’ note${by}`),
    // the words the note marks, with no quotation marks added: a quote may carry its own
    h('blockquote.published-note-quote', [h('p', note.quote)]),
    note.note ? h('p.published-note-text', note.note) : null,
    note.tags.length ? h('ul.published-note-tags', { ariaLabel: 'Tags' }, note.tags.map((t) => h('li', t))) : null,
  ]);
}

/** A share page's HTML: the card's head for link previews, the quote and a link on, and a redirect to the passage. */
export function sharePageHtml(card: ShareCard, site: URL): string {
  const title = `${card.outlet}: ${card.headline}`;
  const description = cardDescription(card.text);
  const meta = (key: 'property' | 'name', name: string, content: string) => h('meta', { [key]: name, content });
  const inLanguage = languageAttributes(card.language);
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'content-security-policy', content: POLICY }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${title} · Dossier`),
          meta('name', 'description', description),
          h('link', { rel: 'canonical', href: new URL(shareUrl(card.id), site).href }),
          h('link', { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }),
          h('link', { rel: 'stylesheet', href: '/share.css' }),
          h('meta', { httpEquiv: 'refresh', content: `0; url=${card.target}` }),
          meta('property', 'og:type', 'article'),
          meta('property', 'og:site_name', 'Dossier'),
          meta('property', 'og:title', title),
          meta('property', 'og:description', description),
          meta('property', 'og:url', new URL(card.target, site).href),
          meta('name', 'twitter:card', 'summary'),
          meta('name', 'twitter:title', title),
          meta('name', 'twitter:description', description),
          card.retired ? meta('name', 'robots', 'noindex') : null,
        ]),
        h('body.page-share', [
          h('main#main.share', [
            h('p.share-outlet', card.outlet),
            h('h1.share-title', inLanguage, card.headline),
            card.section ? h('p.share-section', inLanguage, card.section) : null,
            h('blockquote.share-quote', inLanguage, card.text),
            card.notes.length ? h('div.share-notes', [h('aside.published-notes', { ariaLabel: 'Editors’ notes' }, card.notes.map(noteElement))]) : null,
            h('p', [h('a', { href: card.target }, 'Read this passage in the article')]),
          ]),
        ]),
      ]),
    ],
  };
  return toHtml(tree);
}

/** Files written at a time: enough to keep the file system busy, few enough to hold little in memory. */
const BATCH = 200;

export default function sharePages(): AstroIntegration {
  let site: URL;
  return {
    name: 'dossier:share-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('Share pages need the site’s address: set `site` in astro.config.mjs');
        site = new URL(config.site);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const cardsFile = `${out}${CARDS_FILE}`;
        const started = performance.now();
        let cards: ShareCard[];
        try {
          cards = JSON.parse(await readFile(cardsFile, 'utf8')) as ShareCard[];
        } catch (error) {
          throw new Error(`Share pages: cannot read the cards ${cardsFile} (src/pages/p/share-cards.json.ts): ${String(error)}`);
        }
        for (let i = 0; i < cards.length; i += BATCH) {
          await Promise.all(
            cards.slice(i, i + BATCH).map(async (card) => {
              const folder = `${out}${shareUrl(card.id).slice(1)}`;
              await mkdir(folder, { recursive: true });
              await writeFile(`${folder}index.html`, sharePageHtml(card, site));
            }),
          );
        }
        await rm(cardsFile);
        logger.info(`wrote ${cards.length} share pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
