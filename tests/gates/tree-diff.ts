/** Compares two directory trees file by file (SHA-256 of the bytes). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './site';

export interface TreeDifference {
  file: string;
  kind: 'only in first' | 'only in second' | 'content differs';
}

/** SHA-256 of a file's bytes, in hex. */
export const fileDigest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function diffTrees(first: string, second: string): { files: number; differences: TreeDifference[] } {
  const a = new Set(listFiles(first));
  const b = new Set(listFiles(second));
  const differences: TreeDifference[] = [];
  for (const file of [...new Set([...a, ...b])].sort()) {
    if (!b.has(file)) differences.push({ file, kind: 'only in first' });
    else if (!a.has(file)) differences.push({ file, kind: 'only in second' });
    else if (fileDigest(join(first, file)) !== fileDigest(join(second, file))) differences.push({ file, kind: 'content differs' });
  }
  return { files: a.size, differences };
}
