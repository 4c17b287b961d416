/**
 * Scratch copies of the project, for builds that must not touch the real one: the
 * determinism gate (two clean builds) and the benchmark (synthetic corpora).
 *
 * A scratch project holds the project's files (what git tracks or would track, so new
 * pages and data come along without a list to maintain), a symlink to node_modules, and a
 * config that wraps the project's Astro config with a private cache directory, so a build
 * starts clean and never shares Astro's cache with another build.
 */
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Used when the project is not a git checkout. */
const FALLBACK_ENTRIES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content', 'scripts'];

export const SCRATCH_CONFIG = 'scratch.astro.config.mjs';
export const SCRATCH_CACHE = '.scratch-astro-cache';

/** The project's own files, relative to `root` (git's view when there is one). */
export function projectFiles(root = process.cwd()): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return listed.split('\0').filter((f) => f && existsSync(join(root, f)));
  } catch {
    return FALLBACK_ENTRIES.flatMap((entry) => walkFiles(root, entry));
  }
}

function walkFiles(root: string, rel: string): string[] {
  const full = join(root, rel);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [rel];
  return readdirSync(full).flatMap((name) => walkFiles(root, `${rel}/${name}`));
}

export interface ScratchOptions {
  /** The project to copy (default: the current directory). */
  from?: string;
  /** Leave out files for which this returns true (e.g. the content, to replace it). */
  exclude?: (file: string) => boolean;
}

/** Copies the project into `into` (which should not exist or be empty) and returns `into`. */
export function makeScratchProject(into: string, options: ScratchOptions = {}): string {
  const from = resolve(options.from ?? process.cwd());
  const target = resolve(into);
  mkdirSync(target, { recursive: true });
  for (const file of projectFiles(from)) {
    if (options.exclude?.(file)) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(from, file), join(target, file));
  }
  symlinkSync(join(from, 'node_modules'), join(target, 'node_modules'), 'dir');
  const config = ['astro.config.mjs', 'astro.config.ts', 'astro.config.js'].find((c) => existsSync(join(target, c)));
  if (!config) throw new Error(`No astro.config.* in ${from}: is it the Dossier project?`);
  writeFileSync(
    join(target, SCRATCH_CONFIG),
    `// Written by tests/gates/scratch.ts: the project's config with a cache of its own.\n` +
      `import config from './${config}';\n` +
      `export default { ...config, cacheDir: './${SCRATCH_CACHE}' };\n`,
  );
  return target;
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a command, collecting its output; rejects only when it cannot start. */
export function runCommand(command: string, args: string[], options: SpawnOptions = {}): Promise<CommandResult> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => ok({ code, output }));
  });
}

/** The command line of `astro build` for a scratch project, run with the project's own Node. */
export function astroBuildCommand(root: string, outDir: string): [string, string[]] {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return [process.execPath, [astro, 'build', '--root', root, '--config', SCRATCH_CONFIG, '--outDir', resolve(outDir)]];
}

/** Builds a scratch project into `outDir`; throws with the build's output when it fails. */
export async function buildScratch(root: string, outDir: string): Promise<string> {
  const [command, args] = astroBuildCommand(root, outDir);
  const result = await runCommand(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.code !== 0) {
    throw new Error(`astro build in ${root} failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  }
  return result.output;
}
