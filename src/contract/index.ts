/**
 * The contracts that cross the project's boundaries — normaliser → build → browser → tests:
 * the passage id and its marker, routes, quote links, the article page's DOM and the JSON
 * endpoints. Dependency-free, so every side may import it.
 */
export * from './passage-id';
export * from './text-fragment';
export * from './routes';
export * from './dom';
export * from './endpoints';
export * from './search';
