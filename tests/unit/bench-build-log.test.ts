import { describe, expect, it } from 'vitest';
import { routeRenderTimes } from '../../scripts/bench/build-log';

const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;
const blue = (s: string) => `\x1b[34m${s}\x1b[39m`;
const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
/** A route's line as Astro writes it: the path, then its time (or "(cached)") after it. */
const route = (file: string, time: string) => `${dim('19:00:27')}   ${blue('├─')} ${dim(file)} ${time} \n`;

describe('routeRenderTimes', () => {
  it('should read each route’s render time from coloured output, in ms, s and minutes', () => {
    const output = [
      `${dim('19:00:27')} ${blue('[build]')} Rearranging server assets...\n`,
      `${dim('19:00:27')} ${green('▶')} src/pages/p/[id].astro\n`,
      route('/p/ab-12cd34/index.html', dim('(+2ms)')),
      route('/compare/a--b/index.html', red('(+1.25s)')),
      route('/compare/a--c/index.html', red('(+2m 5s)')),
      route('/entities/x/index.html', green('(cached)')),
      `${dim('19:00:28')}   ${blue('└─')} ${dim('/index.html')} ${dim('(+31ms)')} \n`,
    ].join('');
    expect(routeRenderTimes(output)).toEqual([
      { file: '/p/ab-12cd34/index.html', ms: 2 },
      { file: '/compare/a--b/index.html', ms: 1250 },
      { file: '/compare/a--c/index.html', ms: 125_000 },
      { file: '/index.html', ms: 31 },
    ]);
  });

  it('should find nothing in output without routes', () => {
    expect(routeRenderTimes('building…\n✓ Completed in 1.2s.\n')).toEqual([]);
  });
});
