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
const r = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
