/** Where annotations live in the browser (shared by the store and the page's cheap checks). */
export const DB_NAME = 'dossier';
export const STORE_NAME = 'annotations';
/** The stored key holding an annotation's article path (underscored: no W3C term starts so; see ./record). */
export const ARTICLE_KEY = '_articlePath';
/** The index over ARTICLE_KEY (database version 3 on). */
export const ARTICLE_INDEX = 'byArticle';
/** The stored key holding the id of the passage an annotation names (its FragmentSelector's value, or ''). */
export const PASSAGE_KEY = '_passage';
/** The index over [ARTICLE_KEY, PASSAGE_KEY] (version 4 on): a page reads the passages on screen first. */
export const PASSAGE_INDEX = 'byPassage';
/** Ids of deleted annotations, so that an editor left open elsewhere cannot bring one back. */
export const TOMBSTONES = 'tombstones';
/** BroadcastChannel on which a tab announces that it changed the store. */
export const channelFor = (dbName: string) => `dossier-annotations:${dbName}`;
export const CHANNEL_NAME = channelFor(DB_NAME);
