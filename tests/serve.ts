/** The static server the tests and benchmarks use (the same one `npm run serve` runs). */
export { serveDist, type RunningServer } from '../scripts/lib/static-server';
