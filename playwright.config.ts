import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';
import { whyRebuild } from './tests/build-freshness';
import { launchOptions } from './tests/browser';
import { buildFixtureSite, fixtureSiteRoot, whyRebuildFixture } from './tests/fixture-site';
import { ensure, JAVA, orExit } from './tests/system-deps';

// Only the runner's own process prepares; its workers load this file again and find it done.
const isRunner = process.env.TEST_WORKER_INDEX === undefined;

// The browser and Java first: a missing one stops the run with one line, before any build.
const browser = orExit(launchOptions);
if (isRunner) orExit(() => ensure(JAVA));

// Two sites, each rebuilt whenever what it is built from is newer than it, so a change is never
// tested against an old build: the real dossier (dist/) for the quality gates and the checks
// that need real articles, and the small fixture dossier for the feature tests (tests/e2e/features/).
if (isRunner) {
  const stale = whyRebuild('dist');
  if (stale) {
    console.log(`Building the site (${stale})…`);
    execSync('npm run build', { stdio: 'inherit' });
  }
  const fixtureStale = whyRebuildFixture();
  if (fixtureStale) {
    console.log(`Building the fixture dossier's site (${fixtureStale})…`);
    buildFixtureSite();
  }
}

const PORT = Number(process.env.E2E_PORT ?? 4390);
// Far from the range the main ports are handed out in, so parallel checkouts do not collide.
const FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? PORT + 100);

const server = (port: number, cwd?: string) => ({
  command: `npx tsx scripts/serve.ts --strict --port ${port}`,
  cwd,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: !process.env.CI,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: browser,
    trace: 'off',
  },
  projects: [
    { name: 'dossier', testIgnore: 'features/**', use: { baseURL: `http://127.0.0.1:${PORT}` } },
    { name: 'fixture', testDir: 'tests/e2e/features', use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` } },
  ],
  webServer: [server(PORT), server(FIXTURE_PORT, fixtureSiteRoot())],
});
