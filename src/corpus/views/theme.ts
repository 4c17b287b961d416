/** The theme index (/themes/) and a theme's page (/themes/<id>/). */
import { passageUrl, type Corpus, type ThemeInfo } from '../model';
import { passagesOnTheme } from '../lookups';
import { coverage, sourceRef, type SourceRef } from './sources';

export interface ThemeSummary {
  theme: ThemeInfo;
  total: number;
  /** Every source in publication order, with its passages on the theme. */
  perSource: { source: SourceRef; count: number }[];
}

/** /themes/: every theme with its passage count per source. */
export function themeIndex(corpus: Corpus): ThemeSummary[] {
  const counts = coverage(corpus);
  return corpus.themes.map((theme) => {
    const perSource = corpus.articles.map((a) => ({ source: sourceRef(a), count: counts.get(a.slug)!.get(theme.id)! }));
    return { theme, total: perSource.reduce((n, s) => n + s.count, 0), perSource };
  });
}

export interface ThemePassage {
  id: string;
  url: string;
  section: string | null;
  text: string;
  /** The passage's other themes. */
  otherThemes: ThemeInfo[];
}

export interface ThemePage {
  theme: ThemeInfo;
  total: number;
  /** One column per source, in publication order; a silent source has no passages. */
  columns: { source: SourceRef; passages: ThemePassage[] }[];
  /** The taxonomy's other themes, for moving on. */
  otherThemes: ThemeInfo[];
}

/** /themes/<id>/: the theme's passages from every source, grouped by source. */
export function themePage(corpus: Corpus, themeId: string): ThemePage {
  const theme = corpus.themesById.get(themeId);
  if (!theme) throw new Error(`No theme "${themeId}" in content/themes.yaml`);
  const columns = corpus.articles.map((a) => ({
    source: sourceRef(a),
    passages: passagesOnTheme(corpus, themeId, a).map((p) => ({
      id: p.id,
      url: passageUrl(p),
      section: p.section?.title ?? null,
      text: p.text,
      otherThemes: p.themes.filter((t) => t !== themeId).map((t) => corpus.themesById.get(t)!),
    })),
  }));
  return {
    theme,
    total: columns.reduce((n, c) => n + c.passages.length, 0),
    columns,
    otherThemes: corpus.themes.filter((t) => t.id !== themeId),
  };
}
