#!/usr/bin/env node
// `npm run typecheck`: type-checks every TypeScript project of the workspace, each with its own
// tsconfig (the projects are not composite, so `tsc -b` cannot build them). `npm test` uses the
// same list.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const TS_PROJECTS = [
  'packages/core/tsconfig.json',
  'packages/core/test/tsconfig.json',
  'packages/server/tsconfig.json',
  'packages/cli/tsconfig.json',
  'packages/web/tsconfig.json',
  'packages/web/test/tsconfig.json',
  'e2e/tsconfig.json',
];

/** Runs `tsc -p` on each project; returns the projects that failed. */
export function typecheck(run) {
  return TS_PROJECTS.filter((p) => run('npx', ['tsc', '-p', p]) !== 0);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bad = typecheck((cmd, argv) => {
    process.stdout.write(`[typecheck] $ ${cmd} ${argv.join(' ')}\n`);
    return spawnSync(cmd, argv, { stdio: 'inherit' }).status ?? 1;
  });
  process.stdout.write(
    `[typecheck] ${TS_PROJECTS.length - bad.length} of ${TS_PROJECTS.length} projects clean${bad.length > 0 ? `; failed: ${bad.join(', ')}` : ''}\n`,
  );
  process.exit(bad.length > 0 ? 1 : 0);
}
