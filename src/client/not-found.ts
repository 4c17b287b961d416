/**
 * The 404 page, for addresses that were pages once. A pair's compare page is built only while
 * the view holds both sources (a growing dossier's view holds its most recent few), so a link
 * to an older pair goes to the view on the same two sources, which fetches what it lacks.
 */
import { COMPARE_SOURCES_PARAM, compareLayoutUrl, parseRoute } from '../contract/routes';

const route = parseRoute(location.pathname);
if (route?.page === 'pair') {
  const params = new URLSearchParams(location.search);
  params.set(COMPARE_SOURCES_PARAM, `${route.a},${route.b}`);
  location.replace(`${compareLayoutUrl(route.layout)}?${params.toString().replace(/%2C/gi, ',')}${location.hash}`);
}
