/**
 * Splits a passage's text into plain runs and entity links, so pages can link the first
 * mention of each entity without ever treating the text as HTML. Pure.
 */
export type Segment = { text: string; entityId?: undefined } | { text: string; entityId: string };

export interface LinkableMention {
  start: number;
  end: number;
  entityId: string;
}

/** Mentions must not overlap; ones that do (or fall outside the text) are skipped. */
export function segmentText(text: string, mentions: readonly LinkableMention[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    if (m.start > at) segments.push({ text: text.slice(at, m.start) });
    segments.push({ text: text.slice(m.start, m.end), entityId: m.entityId });
    at = m.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
