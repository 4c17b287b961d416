import { describe, expect, it } from 'vitest';
import { diffTrees } from '../gates/tree-diff';
import { scratchTree } from '../scratch';

const tree = (files: Record<string, string>) => scratchTree('tree', files);

describe('diffTrees', () => {
  it('should find no difference between identical trees', () => {
    const files = { 'index.html': '<p>a</p>', 'a/b/index.html': 'b' };
    expect(diffTrees(tree(files), tree(files))).toEqual({ files: 2, differences: [] });
  });

  it('should report files missing on either side and files whose bytes differ', () => {
    const first = tree({ 'index.html': 'same', 'gone.html': 'x', 'x.js': 'let a=1' });
    const second = tree({ 'index.html': 'same', 'new.html': 'y', 'x.js': 'let a=2' });
    expect(diffTrees(first, second).differences).toEqual([
      { file: 'gone.html', kind: 'only in first' },
      { file: 'new.html', kind: 'only in second' },
      { file: 'x.js', kind: 'content differs' },
    ]);
  });
});
