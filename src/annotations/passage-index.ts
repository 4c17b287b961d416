/** The shape of /p/passages.json (written by src/pages/p/passages.json.ts, read by the notebook). */
export interface PassageIndex {
  articles: { slug: string; url: string; outlet: string; headline: string }[];
  themes: { id: string; label: string }[];
  passages: { id: string; article: string; order: number; text: string; themes: string[] }[];
  /** Retired passage id → surviving passage id. */
  aliases: Record<string, string>;
}
