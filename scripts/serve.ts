/**
 * Serves the built site: `npm run serve [-- --port 4321 --host 127.0.0.1]`.
 * Takes the next free port when the one asked for is in use, and prints the address.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serveDist } from './lib/static-server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    strict: { type: 'boolean', default: false },
  },
});

if (!existsSync('dist/index.html')) {
  console.error('serve: there is no built site in dist/. Run `npm run build` first (or `npm start`, which does everything).');
  process.exit(1);
}

const server = await serveDist(Number(values.port), 'dist', values.host, values.strict ? 1 : 20);
const shown = server.url.replace('127.0.0.1', 'localhost');
console.log(`\n  Dossier is being served at ${shown}\n  (press Ctrl+C to stop)\n`);
