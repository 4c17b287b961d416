import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildingDir, leftAside, removeInBackground, swapIn } from '../../src/integrations/atomic-output';
import { scratchDir } from '../scratch';

const site = (dir: string, text: string) => {
  mkdirSync(join(dir, 'pagefind'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
};

describe('swapIn', () => {
  it('should put the new build in place of the old one, and the old one aside under a name of its own', () => {
    const root = scratchDir('dossier-swap');
    const dist = join(root, 'dist');
    site(dist, 'old');
    site(buildingDir(dist), 'new');
    const aside = swapIn(buildingDir(dist), dist);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(buildingDir(dist))).toBe(false);
    expect(aside).not.toBeNull();
    expect(readFileSync(join(aside!, 'index.html'), 'utf8')).toBe('old');
    expect(leftAside(dist)).toEqual([aside]);
    expect(leftAside(`${dist}/`)).toEqual([aside]);
  });

  it('should delete what was put aside in a process of its own', async () => {
    const root = scratchDir('dossier-swap');
    const dist = join(root, 'dist');
    site(dist, 'old');
    site(buildingDir(dist), 'new');
    removeInBackground([swapIn(buildingDir(dist), dist)!]);
    await expect.poll(() => leftAside(dist), { timeout: 10_000 }).toEqual([]);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
  });

  it('should work when there is no previous build', () => {
    const root = scratchDir('dossier-swap');
    const dist = join(root, 'dist');
    site(buildingDir(`${dist}/`), 'first');
    expect(swapIn(buildingDir(`${dist}/`), `${dist}/`)).toBeNull();
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('first');
  });
});
