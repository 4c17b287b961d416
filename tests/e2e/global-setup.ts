/**
 * The browser tests run against the built site. On a fresh checkout (no dist/ yet)
 * this builds it once, so `npm test` works right after `npm install`.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function globalSetup() {
  if (existsSync('dist/index.html') && existsSync('dist/pagefind/pagefind.js')) return;
  console.log('No built site in dist/: running `npm run build` first…');
  execSync('npm run build', { stdio: 'inherit' });
}
