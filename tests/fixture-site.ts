/**
 * The fixture dossier (tests/fixtures/dossier/: four short articles (one in French), one retired passage id,
 * one published note) built into a site of its own for the browser feature tests, while the
 * real dossier in dist/ serves the quality gates.
 *
 * The site is a scratch copy of the project (tests/gates/scratch.ts) whose content/ is the
 * fixture's, built into <scratch>/dist/. It is rebuilt only when the fixture, src/, public/
 * or a config changed since the last build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILD_INPUTS, whyRebuild } from './build-freshness';
import { astroBuildCommand, makeScratchProject } from './gates/scratch';

export const FIXTURE_DOSSIER = 'tests/fixtures/dossier';

/**
 * Items a page in the fixture site's paginated lists (DOSSIER_PAGE_SIZE): smaller than the
 * fixture's lists, so a three-article dossier shows pagination as a large one does.
 */
export const FIXTURE_PAGE_SIZE = 2;

/** Where this checkout's fixture site lives: one folder per checkout, kept between runs. */
export function fixtureSiteRoot(project = process.cwd()): string {
  const id = createHash('sha256').update(resolve(project)).digest('hex').slice(0, 12);
  return join(tmpdir(), `dossier-fixture-site-${id}`);
}

/** Why the fixture site must be (re)built, or null when it is up to date. */
export function whyRebuildFixture(root = fixtureSiteRoot()): string | null {
  const inputs = [...BUILD_INPUTS.filter((p) => p !== 'content'), FIXTURE_DOSSIER];
  return whyRebuild(join(root, 'dist'), inputs);
}

/** Copies the project with the fixture's content and builds it; the build's output goes to the console. */
export function buildFixtureSite(root = fixtureSiteRoot()): string {
  rmSync(root, { recursive: true, force: true });
  // Only sources go in: no build output, no tests, and the fixture's content for the real one.
  const skip = (file: string) => /^(content|dist|tests)\//.test(file);
  makeScratchProject(root, { exclude: skip });
  cpSync(join(FIXTURE_DOSSIER, 'content'), join(root, 'content'), { recursive: true });
  const [command, args] = astroBuildCommand(root, join(root, 'dist'));
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DOSSIER_PAGE_SIZE: String(FIXTURE_PAGE_SIZE) } });
  if (!existsSync(join(root, 'dist', 'index.html'))) throw new Error(`The fixture site did not build into ${root}/dist`);
  return root;
}
