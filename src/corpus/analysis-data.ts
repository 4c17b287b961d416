/**
 * Reading the analysis layer's YAML files: parse, validate with the schemas in
 * analysis-schema.ts, and fail with a message that names the file and the field.
 * `parse*` take the text (pure, for tests); `read*` read from disk.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  entitiesFileSchema,
  themeOverridesSchema,
  themesFileSchema,
  type EntitiesFile,
  type ThemeOverrides,
  type ThemesFile,
} from './analysis-schema';

export const THEMES_FILE = 'content/themes.yaml';
export const THEME_OVERRIDES_FILE = 'content/theme-overrides.yaml';
export const ENTITIES_FILE = 'content/entities.yaml';

export function parseYamlData<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  - at ${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
      .join('\n');
    throw new Error(`${file} does not match its schema:\n${problems}\nFix the file and run the build again.`);
  }
  return result.data;
}

export const parseThemes = (text: string, file = THEMES_FILE): ThemesFile => parseYamlData(themesFileSchema, text, file);

/** An empty overrides file (or one holding only comments) means no overrides. */
export const parseThemeOverrides = (text: string, file = THEME_OVERRIDES_FILE): ThemeOverrides =>
  parseYamlData(themeOverridesSchema, text.trim() && parse(text) !== null ? text : '{}', file);

export const parseEntities = (text: string, file = ENTITIES_FILE): EntitiesFile =>
  parseYamlData(entitiesFileSchema, text, file);

export const readThemes = (file = THEMES_FILE) => parseThemes(readFileSync(file, 'utf8'), file);
export const readThemeOverrides = (file = THEME_OVERRIDES_FILE) =>
  parseThemeOverrides(readFileSync(file, 'utf8'), file);
export const readEntities = (file = ENTITIES_FILE) => parseEntities(readFileSync(file, 'utf8'), file);
