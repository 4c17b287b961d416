import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, JAVA, plan, type Machine } from '../system-deps';

function machine(over: Partial<Machine> & { files?: string[] }): Machine {
  const files = new Set(over.files ?? []);
  return {
    env: {},
    resolve: (p) => (files.has(p) ? p : null),
    isRoot: false,
    hasAptGet: true,
    ...over,
  };
}

describe('plan', () => {
  it("should use Debian's chromium when CHROME_PATH is unset", () => {
    expect(plan(CHROMIUM, machine({ files: ['/usr/bin/chromium'] }))).toEqual({ use: '/usr/bin/chromium' });
  });

  it('should prefer CHROME_PATH, and report it by name when it names nothing', () => {
    const files = ['/usr/bin/chromium', '/opt/chrome'];
    expect(plan(CHROMIUM, machine({ files, env: { CHROME_PATH: '/opt/chrome' } }))).toEqual({ use: '/opt/chrome' });
    const wrong = plan(CHROMIUM, machine({ files, env: { CHROME_PATH: '/nonexistent' } }));
    expect(wrong).toEqual({ fail: expect.stringContaining('CHROME_PATH=/nonexistent') });
  });

  it('should install the Debian package only as root with apt-get', () => {
    expect(plan(CHROMIUM, machine({ isRoot: true }))).toEqual({ install: 'chromium' });
    expect(plan(JAVA, machine({ isRoot: true }))).toEqual({ install: 'default-jre-headless' });
    expect(plan(CHROMIUM, machine({ isRoot: true, hasAptGet: false }))).toEqual({ fail: expect.stringContaining('apt-get install chromium') });
    expect(plan(CHROMIUM, machine({}))).toEqual({ fail: expect.stringContaining('CHROME_PATH') });
  });
});

describe('tests/system-deps.ts', () => {
  it('should stop with one line naming a CHROME_PATH that does not exist, and no stack trace', () => {
    const run = spawnSync('npx', ['tsx', 'tests/system-deps.ts'], {
      encoding: 'utf8',
      env: { ...process.env, CHROME_PATH: '/nonexistent/chromium' },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('CHROME_PATH=/nonexistent/chromium')]);
  });
});
