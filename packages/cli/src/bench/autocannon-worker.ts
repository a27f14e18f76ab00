/**
 * autocannon in a child process: the load generator gets its own process and event loop, so that
 * it does not take its time from the server it measures.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';

type Options = Parameters<typeof autocannon>[0];
type Result = Awaited<ReturnType<typeof autocannon>>;

const SOURCE = `
const autocannon = require(process.argv[1]);
autocannon(JSON.parse(process.argv[2])).then((r) => {
  process.stdout.write(JSON.stringify({
    latency: r.latency, requests: r.requests, non2xx: r.non2xx, errors: r.errors,
    timeouts: r.timeouts, duration: r.duration,
  }));
}, (e) => { process.stderr.write(String(e)); process.exit(1); });
`;

/** Run autocannon with `opts` in a child process. */
export async function autocannonOffThread(opts: Options): Promise<Result> {
  const modulePath = createRequire(import.meta.url).resolve('autocannon');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-e', SOURCE, modulePath, JSON.stringify(opts)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Result;
}
