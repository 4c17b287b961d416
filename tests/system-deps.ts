/**
 * The two programs the tests need from the system: Chromium (browser tests) and Java (the Nu Html
 * Checker). On a fresh Debian machine run as root, a missing one is installed with apt-get, as
 * .ci/run does; otherwise the run stops with one line saying what to install. `npm test` runs this
 * file first (the `pretest` script), and playwright.config.ts asks for Chromium the same way.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A problem the person running the tests fixes: printed as one line, never with a stack trace. */
export class SetupError extends Error {}

interface Requirement {
  /** what it is for, in messages */
  label: string;
  /** the environment variable that points at another binary */
  envVar: string;
  /** where Debian puts it, or bare command names looked up on PATH */
  candidates: readonly string[];
  /** the Debian package that provides it */
  debianPackage: string;
}

export const CHROMIUM: Requirement = {
  label: 'Chromium for the browser tests',
  envVar: 'CHROME_PATH',
  candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
  debianPackage: 'chromium',
};

export const JAVA: Requirement = {
  label: 'Java for the Nu Html Checker',
  envVar: 'JAVA',
  candidates: ['java'],
  debianPackage: 'default-jre-headless',
};

/** What the machine looks like, passed in so the decision can be tested without touching it. */
export interface Machine {
  env: Record<string, string | undefined>;
  /** the executable a path or bare command name resolves to, or null */
  resolve: (pathOrCommand: string) => string | null;
  isRoot: boolean;
  hasAptGet: boolean;
}

export type Plan = { use: string } | { install: string } | { fail: string };

/** Which binary to use, or whether to install the Debian package, or why we cannot go on. */
export function plan(req: Requirement, machine: Machine): Plan {
  const chosen = machine.env[req.envVar];
  if (chosen) {
    const found = machine.resolve(chosen);
    // A variable that names nothing is a mistake to report, not a hint to ignore.
    if (!found) return { fail: `${req.envVar}=${chosen} does not exist or is not executable (${req.label}).` };
    return { use: found };
  }
  for (const candidate of req.candidates) {
    const found = machine.resolve(candidate);
    if (found) return { use: found };
  }
  if (machine.isRoot && machine.hasAptGet) return { install: req.debianPackage };
  return {
    fail:
      `No ${req.label}: install it (Debian/Ubuntu: \`sudo apt-get install ${req.debianPackage}\`) ` +
      `or set ${req.envVar} to its path.`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function resolveOnThisMachine(pathOrCommand: string): string | null {
  if (pathOrCommand.includes('/')) return isExecutable(pathOrCommand) ? pathOrCommand : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, pathOrCommand);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

export function thisMachine(): Machine {
  return {
    env: process.env,
    resolve: resolveOnThisMachine,
    isRoot: process.getuid?.() === 0,
    hasAptGet: resolveOnThisMachine('apt-get') !== null,
  };
}

function aptGet(args: string[]): void {
  const run = spawnSync('apt-get', ['-qq', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0) throw new SetupError(`\`apt-get ${args.join(' ')}\` failed (exit ${run.status}).`);
}

/** The binary's path, after installing it if this machine allows; throws SetupError otherwise. */
export function ensure(req: Requirement, machine: Machine = thisMachine()): string {
  const first = plan(req, machine);
  if ('use' in first) return first.use;
  if ('fail' in first) throw new SetupError(first.fail);
  console.log(`Installing Debian's ${first.install} (${req.label})…`);
  aptGet(['update']);
  aptGet(['install', '-y', first.install]);
  const after = plan(req, thisMachine());
  if ('use' in after) return after.use;
  throw new SetupError(`Installed ${first.install}, but still found no ${req.label}.`);
}

/** Runs `body`; a SetupError ends the process with its one line (exit 1). */
export function orExit<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`Cannot run the tests: ${error.message}`);
    process.exit(1);
  }
}

// `tsx tests/system-deps.ts`: check (and install) both before the suite starts.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  orExit(() => {
    ensure(CHROMIUM);
    ensure(JAVA);
  });
}
