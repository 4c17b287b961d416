import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildingDir, swapIn } from '../../src/integrations/atomic-output';
import { scratchDir } from '../scratch';

const site = (dir: string, text: string) => {
  mkdirSync(join(dir, 'pagefind'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
};

describe('swapIn', () => {
  it('should put the new build in place of the old one and leave nothing else behind', () => {
    const root = scratchDir('dossier-swap');
    const dist = join(root, 'dist');
    site(dist, 'old');
    site(buildingDir(dist), 'new');
    swapIn(buildingDir(dist), dist);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(buildingDir(dist))).toBe(false);
    expect(existsSync(`${dist}.previous`)).toBe(false);
  });

  it('should work when there is no previous build', () => {
    const root = scratchDir('dossier-swap');
    const dist = join(root, 'dist');
    site(buildingDir(`${dist}/`), 'first');
    swapIn(buildingDir(`${dist}/`), `${dist}/`);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('first');
  });
});
