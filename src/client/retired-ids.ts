/** The normaliser's retired ids (retired passage id → surviving id), fetched once when needed. */
import { RETIRED_IDS_URL, type RetiredIdsJson } from '../contract/endpoints';

let retiredIds: Promise<RetiredIdsJson> | undefined;

export function loadRetiredIds(): Promise<RetiredIdsJson> {
  retiredIds ??= fetch(RETIRED_IDS_URL)
    .then((r) => (r.ok ? (r.json() as Promise<RetiredIdsJson>) : {}))
    .catch(() => ({}));
  return retiredIds;
}
