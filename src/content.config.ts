import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFrontmatterSchema } from './corpus/schema';

/** The normalised articles, written by `npm run normalize` (never edited by hand). */
const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/articles' }),
  schema: articleFrontmatterSchema,
});

export const collections = { articles };
