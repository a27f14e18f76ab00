/**
 * `ssj serve`: start the platform (PGlite in ./data by default, or DATABASE_URL).
 */
import process from 'node:process';
import { runServer, setCompiledDrawWorker } from '@openssj/server';

/** Run the server until SIGINT/SIGTERM. */
export async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(
      'usage: ssj serve\n  environment: DATABASE_URL, SSJ_DATA_DIR (./data), PORT (8080), SSJ_DEMO (auto|on|off)\n',
    );
    return 0;
  }
  if (!import.meta.url.endsWith('.ts')) {
    // compiled bundle: draws run in its compiled worker (scripts/build-cli.mjs), not through tsx
    setCompiledDrawWorker(new URL('./server-draw-worker.mjs', import.meta.url));
  }
  return runServer(process.env);
}
