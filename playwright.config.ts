import { defineConfig } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launchOptions } from './tests/browser';

// The browser tests run against the built site. On a fresh checkout (no dist/ yet)
// build it first, so that `npm test` works right after `npm install`.
if (!existsSync('dist/index.html') || !existsSync('dist/pagefind/pagefind.js')) {
  console.log('No built site in dist/: running `npm run build` first…');
  execSync('npm run build', { stdio: 'inherit' });
}

const PORT = Number(process.env.E2E_PORT ?? 4390);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: launchOptions(),
    trace: 'off',
  },
  webServer: {
    command: `npx tsx scripts/serve.ts --strict --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
