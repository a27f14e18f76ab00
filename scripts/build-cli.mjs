// Compiles the `ssj` command (packages/cli, with core and server) to JavaScript with esbuild, so
// that `ssj` and `npm start` never transpile at run time. Output: packages/cli/dist/<build>/ with
// ssj.mjs, draw-worker.mjs and server-draw-worker.mjs (plus shared chunks), and packages/cli/dist/current.json naming the
// build. Run by postinstall, by `npm test`, and by the bin itself when a source is newer.
// Usage: node scripts/build-cli.mjs [--if-stale]
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'packages/cli/dist');
const SOURCE_DIRS = ['packages/cli/src', 'packages/core/src', 'packages/server/src'].map((d) =>
  join(ROOT, d),
);

/** Newest modification time (ms) of the TypeScript sources and package manifests the bundle is made of. */
export function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (e.name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  for (const d of SOURCE_DIRS) {
    walk(d);
  }
  for (const p of ['packages/cli', 'packages/core', 'packages/server']) {
    newest = Math.max(newest, statSync(join(ROOT, p, 'package.json')).mtimeMs);
  }
  return newest;
}

/** The current build's record, or null. */
export function currentBuild() {
  try {
    const c = JSON.parse(readFileSync(join(DIST, 'current.json'), 'utf8'));
    return typeof c.dir === 'string' && typeof c.sourcesMtime === 'number' ? c : null;
  } catch {
    return null;
  }
}

// Core and server locate files beside their sources (migrations, the web build, JSON data):
// their import.meta.url/dirname stay the source file's, so those paths hold inside the bundle.
const keepSourceLocation = {
  name: 'keep-source-location',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/](core|server)[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.')) {
        return undefined;
      }
      return {
        contents: text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))),
        loader: 'ts',
      };
    });
  },
};

// npm packages stay external (resolved from node_modules at run time); the workspace's own TS is bundled.
const externals = {
  name: 'externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (/^@openssj\/(core|server|cli)(\/|$)/.test(args.path)) {
        return undefined;
      }
      return { path: args.path, external: true };
    });
  },
};

/** Build into a fresh directory and switch current.json to it (atomic: concurrent runs never see a half build). */
export async function buildCli() {
  const { build } = await import('esbuild');
  const sourcesMtime = newestSource();
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const out = join(DIST, name);
  mkdirSync(out, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: {
      ssj: 'packages/cli/src/main.ts',
      'draw-worker': 'packages/cli/src/draw/draw-worker.ts',
      'server-draw-worker': 'packages/server/src/contexts/draw/engine/draw-run.worker.ts',
    },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [keepSourceLocation, externals],
  });
  const tmp = join(DIST, `current.${process.pid}.json`);
  writeFileSync(tmp, JSON.stringify({ dir: name, sourcesMtime, builtAt: new Date().toISOString() }) + '\n');
  renameSync(tmp, join(DIST, 'current.json'));
  // older builds: removed after a day (a running server or bench may still load their chunks)
  for (const e of readdirSync(DIST)) {
    if (e.startsWith('build-') && e !== name) {
      const p = join(DIST, e);
      if (Date.now() - statSync(p).mtimeMs > 24 * 3600_000) {
        rmSync(p, { recursive: true, force: true });
      }
    }
  }
  return join(out, 'ssj.mjs');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const c = currentBuild();
  if (process.argv.includes('--if-stale') && c !== null && c.sourcesMtime >= newestSource()) {
    process.stdout.write(`[build-cli] up to date: ${relative(ROOT, join(DIST, c.dir))}\n`);
  } else {
    const t = performance.now();
    const entry = await buildCli();
    process.stdout.write(
      `[build-cli] ${relative(ROOT, entry)} in ${((performance.now() - t) / 1000).toFixed(2)} s\n`,
    );
  }
}
