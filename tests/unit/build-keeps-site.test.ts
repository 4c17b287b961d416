/**
 * A build that fails leaves the previous site exactly as it was (pages, data and search
 * index): Astro writes into dist.building/ and the result is swapped in only at the end.
 * Runs a real (failing) build in a scratch copy of the project.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildCommand, makeScratchProject, runCommand, SCRATCH_CACHE } from '../gates/scratch';

const work = mkdtempSync(join(tmpdir(), 'dossier-failed-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a failed build', () => {
  it('should leave the previous dist/ untouched and say what went wrong', { timeout: 180_000 }, async () => {
    const root = makeScratchProject(join(work, 'project'), {
      exclude: (file) => file.startsWith('dist') || file.startsWith(`${SCRATCH_CACHE}/`),
    });
    const dist = join(root, 'dist');
    // The previous site, as a reader has it.
    for (const dir of ['data', 'pagefind', 'articles/a']) mkdirSync(join(dist, dir), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'previous home');
    writeFileSync(join(dist, 'pagefind', 'pagefind.js'), 'previous index');
    // An editor's override naming a passage that does not exist stops the build.
    writeFileSync(join(root, 'content/theme-overrides.yaml'), 'zz-000000: { add: [no-such-theme] }\n');

    const [command, args] = astroBuildCommand(root, dist);
    const result = await runCommand(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });

    expect(result.code).not.toBe(0);
    expect(result.output).toContain('theme-overrides.yaml');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('previous home');
    expect(readFileSync(join(dist, 'pagefind', 'pagefind.js'), 'utf8')).toBe('previous index');
    expect(existsSync(join(dist, 'data'))).toBe(true);
    expect(existsSync(join(dist, 'articles', 'a'))).toBe(true);
    expect(existsSync(join(dist, 'p'))).toBe(false);
  });
});
