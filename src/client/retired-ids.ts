/**
 * Where a passage id this page does not have leads: the normaliser's retired ids (retired
 * passage id → surviving id, fetched once when needed), then the id's share page, which every
 * passage and retired id of the dossier has (`/p/<id>/`, redirecting to the passage in its
 * article): a link may name a passage of another article (its id's prefix names the article).
 */
import { RETIRED_IDS_URL, type RetiredIdsJson } from '../contract/endpoints';
import { idPrefixOf } from '../contract/passage-id';
import { parseRoute, shareUrl } from '../contract/routes';
import { parseFragment } from '../contract/text-fragment';

/** The retired ids, or null when they could not be read (offline, a host without the file). */
let retiredIds: Promise<RetiredIdsJson | null> | undefined;

const readRetiredIds = () => {
  retiredIds ??= fetch(RETIRED_IDS_URL)
    .then((r) => (r.ok ? (r.json() as Promise<RetiredIdsJson>) : null))
    .catch(() => null);
  return retiredIds;
};

export async function loadRetiredIds(): Promise<RetiredIdsJson> {
  return (await readRetiredIds()) ?? {};
}

/** An unknown id's place: a passage of this page, one of another article (its path and id), or none in the dossier. */
export type PassagePlace = { on: 'page'; id: string } | { on: 'article'; path: string; id: string } | { on: 'none' };

/** The article passage a share page redirects to, as path and id; null if it is not one. */
async function shareTarget(id: string): Promise<{ path: string; id: string } | null> {
  try {
    const response = await fetch(shareUrl(id));
    if (!response.ok) return null;
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const refresh = doc.querySelector('meta[http-equiv="refresh" i]')?.getAttribute('content') ?? '';
    const target = /url=(.+)$/i.exec(refresh)?.[1]?.trim();
    if (!target) return null;
    const url = new URL(target, location.origin);
    const targetId = parseFragment(url.hash).id;
    if (url.origin !== location.origin || parseRoute(url.pathname)?.page !== 'article' || !targetId) return null;
    return { path: url.pathname, id: targetId };
  } catch {
    return null;
  }
}

/**
 * Where `id` (a passage id this page does not have) is: its surviving passage when it was
 * retired and the survivor is here, else wherever its share page sends it (another article,
 * or a survivor elsewhere), else nowhere. The share page is fetched only when the retired ids
 * do not answer, and not for an id with this article's own prefix that they do not know:
 * every passage with that prefix is on this page, so it has no share page (whose 404 the
 * browser would log).
 */
export async function locatePassage(id: string, has: (id: string) => boolean, ownPrefix: string | null): Promise<PassagePlace> {
  const retired = await readRetiredIds();
  const current = retired?.[id];
  if (current && has(current)) return { on: 'page', id: current };
  if (retired && !current && ownPrefix && idPrefixOf(id) === ownPrefix) return { on: 'none' };
  const target = await shareTarget(id);
  if (!target) return { on: 'none' };
  if (target.path === location.pathname) return has(target.id) ? { on: 'page', id: target.id } : { on: 'none' };
  return { on: 'article', ...target };
}
