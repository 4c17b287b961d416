/**
 * Where the browser comes from: CHROME_PATH, else Debian's /usr/bin/chromium (installed when
 * missing and the user is root; see system-deps.ts). Fails with instructions, never skips.
 */
import type { LaunchOptions } from 'playwright-core';
import { CHROMIUM, ensure } from './system-deps';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return ensure(CHROMIUM);
}

export function launchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS };
}
