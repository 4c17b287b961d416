/** Serves dist/ on 127.0.0.1 for the browser tests: `tsx tests/serve-cli.ts --port 4390`. */
import { parseArgs } from 'node:util';
import { serveDist } from './serve';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4390' } } });
const server = await serveDist(Number(values.port));
console.log(`serving dist/ at ${server.url}`);
