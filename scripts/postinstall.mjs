// Builds the web app after `npm install`, so that `npm start` can serve it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.SSJ_SKIP_WEB_BUILD === '1') {
  console.log('[postinstall] SSJ_SKIP_WEB_BUILD=1: web build skipped');
  process.exit(0);
}
if (!existsSync('packages/web/index.html')) {
  process.exit(0);
}
// The web client's types come from the server's OpenAPI document (never written by hand).
const gen = spawnSync(process.execPath, ['scripts/gen-api.mjs'], { stdio: 'inherit' });
if (gen.status !== 0) {
  process.exit(gen.status ?? 1);
}
const r = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
