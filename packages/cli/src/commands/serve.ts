/**
 * `ssj serve`: start the platform (PGlite in ./data by default, or DATABASE_URL).
 */
import process from 'node:process';
import { runServer } from '@openssj/server';

/** Run the server until SIGINT/SIGTERM. */
export async function run(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    process.stdout.write(
      'usage: ssj serve\n  environment: DATABASE_URL, SSJ_DATA_DIR (./data), PORT (8080), SSJ_DEMO (auto|on|off)\n',
    );
    return 0;
  }
  return runServer(process.env);
}
