// After `npm install`: compiles the `ssj` command to JavaScript (scripts/build-cli.mjs, so nothing
// transpiles at run time), then builds the web app, so that `npm start` can serve it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
if (cli.status !== 0) {
  process.exit(cli.status ?? 1);
}

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
