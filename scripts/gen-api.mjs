#!/usr/bin/env node
// Generates the web client's types (packages/web/src/api/schema.d.ts) from the server's
// OpenAPI document, so that no client type is written by hand.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const doc = spawnSync(process.execPath, ['packages/cli/bin/ssj.mjs', 'openapi'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (doc.status !== 0) {
  process.stderr.write(doc.stderr);
  process.exit(1);
}
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/openapi.json', doc.stdout);
const fromWeb = createRequire(path.resolve('packages/web/package.json'));
const cli = path.join(path.dirname(fromWeb.resolve('openapi-typescript/package.json')), 'bin/cli.js');
const gen = spawnSync(
  process.execPath,
  [cli, '.tmp/openapi.json', '-o', 'packages/web/src/api/schema.d.ts'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
process.exit(gen.status ?? 1);
