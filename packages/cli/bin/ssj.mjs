#!/usr/bin/env node
// ssj — OpenSSJ command line. Runs the JavaScript that scripts/build-cli.mjs compiled (at install,
// by `npm test`); never transpiles at run time. When a TypeScript source is newer than the build
// (a developer edited it), the build is redone first, once.
import { pathToFileURL } from 'node:url';
import { currentBuild, buildCli, newestSource } from '../../../scripts/build-cli.mjs';

const c = currentBuild();
let entry = c === null ? null : new URL(`../dist/${c.dir}/ssj.mjs`, import.meta.url);
if (c === null || c.sourcesMtime < newestSource()) {
  if (process.stderr.isTTY) {
    process.stderr.write('ssj: compiling the command (sources changed since the last build) …\n');
  }
  entry = pathToFileURL(await buildCli());
}
await import(entry.href);
