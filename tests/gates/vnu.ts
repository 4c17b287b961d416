/**
 * The Nu Html Checker (vnu.jar from the `vnu-jar` package) over many files in ONE Java
 * call: starting the JVM costs about a second, so never call it per page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  /** "file:/abs/path/to/page.html" */
  url: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
}

function vnuJar(): string {
  const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
  if (!existsSync(jar)) throw new Error(`vnu.jar not found at ${jar}: run \`npm ci\` to restore node_modules.`);
  return jar;
}

/** Errors only (warnings are advice, not failures), for every file given. Throws when Java or vnu cannot run. */
export function validateHtml(files: string[]): VnuMessage[] {
  if (!files.length) return [];
  const java = process.env.JAVA ?? 'java';
  const run = spawnSync(java, ['-Xss8m', '-jar', vnuJar(), '--format', 'json', '--errors-only', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) {
    throw new Error(
      `Could not run Java for the Nu Html Checker (${run.error.message}). Install Java 17+ ` +
        '(Debian/Ubuntu: `sudo apt-get install default-jre-headless`) or point JAVA at a java binary.',
    );
  }
  // vnu reports on stderr, in JSON; exit status 1 just means "errors found".
  let report: { messages?: VnuMessage[] };
  try {
    report = JSON.parse(run.stderr) as { messages?: VnuMessage[] };
  } catch {
    throw new Error(`The Nu Html Checker did not answer in JSON (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`);
  }
  return report.messages ?? [];
}

/** "articles/x/index.html:12:5: message\n    extract" — one line per message, paths relative to `root`. */
export function formatVnuMessage(message: VnuMessage, root = process.cwd()): string {
  const file = message.url.startsWith('file:') ? relative(root, new URL(message.url).pathname) : message.url;
  const at = message.lastLine ? `:${message.lastLine}:${message.firstColumn ?? message.lastColumn ?? 0}` : '';
  const extract = message.extract ? `\n    ${message.extract.replace(/\s+/g, ' ').trim()}` : '';
  return `${file}${at}: ${message.message}${extract}`;
}

/**
 * A readable report: messages grouped by text (one layout bug repeats on every page),
 * each with how many pages it hits and its first few places.
 */
export function summarizeVnu(messages: VnuMessage[], root = process.cwd(), examples = 3): string {
  const groups = new Map<string, VnuMessage[]>();
  for (const message of messages) groups.set(message.message, [...(groups.get(message.message) ?? []), message]);
  return [...groups.entries()]
    .map(([text, list]) => {
      const pages = new Set(list.map((m) => m.url)).size;
      const places = list.slice(0, examples).map((m) => `  - ${formatVnuMessage(m, root).replace(/\n/g, '\n  ')}`);
      const more = list.length > examples ? [`  - … and ${list.length - examples} more`] : [];
      return [`${text}  (${list.length}× on ${pages} page${pages === 1 ? '' : 's'})`, ...places, ...more].join('\n');
    })
    .join('\n');
}
