import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summarizeVnu, validateHtml } from '../gates/vnu';

const dir = mkdtempSync(join(tmpdir(), 'vnu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validateHtml', () => {
  it('should pass valid pages and report each error with its file, line and message, in one call', () => {
    const valid = join(dir, 'valid.html');
    const invalid = join(dir, 'invalid.html');
    writeFileSync(valid, '<!doctype html><html lang="en"><head><title>ok</title></head><body><p>fine</p></body></html>\n');
    writeFileSync(
      invalid,
      '<!doctype html><html lang="en"><head><title>bad</title></head><body>\n<p>x</p></body></html>\n<script>1</script>\n',
    );
    const messages = validateHtml([valid, invalid]);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.url.endsWith('/invalid.html'))).toBe(true);
    expect(messages[0]!.message).toContain('Stray start tag');
    expect(summarizeVnu(messages, dir)).toContain('invalid.html:3:');
  }, 30_000);
});
