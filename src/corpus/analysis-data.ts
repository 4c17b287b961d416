/**
 * Reading the analysis layer's YAML files: parse, validate with the schemas in
 * analysis-schema.ts, and fail with a message that names the file and the field.
 * `parse*` take the text (pure, for tests); `read*` read from disk.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import {
  entitiesFileSchema,
  themeOverridesSchema,
  themesFileSchema,
  type EntitiesFile,
  type ThemeOverrides,
  type ThemesFile,
} from './analysis-schema';
import { parseYamlWithSchema } from './yaml';

export const THEMES_FILE = 'content/themes.yaml';
export const THEME_OVERRIDES_FILE = 'content/theme-overrides.yaml';
export const ENTITIES_FILE = 'content/entities.yaml';

export const parseYamlData = <S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> =>
  parseYamlWithSchema(text, schema, file, 'Fix the file and run the build again.');

export const parseThemes = (text: string, file = THEMES_FILE): ThemesFile => parseYamlData(themesFileSchema, text, file);

/** An empty overrides file (or one holding only comments) means no overrides. */
export const parseThemeOverrides = (text: string, file = THEME_OVERRIDES_FILE): ThemeOverrides =>
  parseYamlData(themeOverridesSchema, text, file);

export const parseEntities = (text: string, file = ENTITIES_FILE): EntitiesFile =>
  parseYamlData(entitiesFileSchema, text, file);

export const readThemes = (file = THEMES_FILE) => parseThemes(readFileSync(file, 'utf8'), file);
export const readThemeOverrides = (file = THEME_OVERRIDES_FILE) =>
  parseThemeOverrides(readFileSync(file, 'utf8'), file);
export const readEntities = (file = ENTITIES_FILE) => parseEntities(readFileSync(file, 'utf8'), file);
