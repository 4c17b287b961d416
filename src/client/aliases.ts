/** The normaliser's alias map (retired passage id → surviving id), fetched once when needed. */
export const ALIASES_URL = '/p/aliases.json';

let aliases: Promise<Record<string, string>> | undefined;

export function loadAliases(): Promise<Record<string, string>> {
  aliases ??= fetch(ALIASES_URL)
    .then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : {}))
    .catch(() => ({}));
  return aliases;
}
