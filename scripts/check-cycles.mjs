#!/usr/bin/env node
// Fails when the TypeScript sources import each other in a cycle (issue 12). It follows every
// value import and re-export (`import type` / `export type` carry no run-time edge) between the
// workspace's source files, resolving relative paths and `@openssj/<pkg>` the way the bundler
// does, and prints each cycle as a chain of files. Run by `npm run lint` and `npm test`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE_DIRS = ['packages/core/src', 'packages/server/src', 'packages/cli/src', 'packages/web/src'];
const EXTS = ['.ts', '.tsx', '.mts'];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') {
        walk(full, out);
      }
    } else if (EXTS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

function resolveFile(base) {
  const candidates = [base, ...EXTS.map((e) => base + e), ...EXTS.map((e) => path.join(base, `index${e}`))];
  if (base.endsWith('.js')) {
    candidates.push(...EXTS.map((e) => base.slice(0, -3) + e));
  }
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function packageEntry(spec) {
  const m = /^@openssj\/([a-z0-9-]+)(\/.*)?$/.exec(spec);
  if (m === null) {
    return undefined;
  }
  const pkgDir = path.join(root, 'packages', m[1]);
  return m[2] === undefined
    ? resolveFile(path.join(pkgDir, 'src', 'index'))
    : resolveFile(path.join(pkgDir, 'src', m[2]));
}

// Value imports and re-exports; statements that are wholly `import type`/`export type` are skipped.
const IMPORT_RE =
  /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[\w*$]+\s*,?\s*)?(?:\{[^}]*\}\s*)?(?:\*\s+as\s+[\w$]+\s*)?(?:from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_RE = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Maps each source file to the source files it imports at run time. */
export function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const deps = new Set();
    const add = (spec) => {
      const target = spec.startsWith('.')
        ? resolveFile(path.resolve(path.dirname(file), spec))
        : packageEntry(spec);
      if (target !== undefined && target !== file) {
        deps.add(target);
      }
    };
    for (const m of text.matchAll(IMPORT_RE)) {
      if (m[2] === undefined) {
        add(m[3]);
      }
    }
    for (const m of text.matchAll(DYNAMIC_RE)) {
      add(m[1]);
    }
    graph.set(file, [...deps]);
  }
  return graph;
}

/** Tarjan's strongly connected components of size > 1: each is one or more cycles. */
export function cycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v), idx.get(w)));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) {
        out.push(comp.sort());
      }
    }
  };
  for (const v of graph.keys()) {
    if (!idx.has(v)) {
      strong(v);
    }
  }
  return out;
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === path.join(root, 'scripts', 'check-cycles.mjs')
) {
  const files = SOURCE_DIRS.flatMap((d) => walk(path.join(root, d), []));
  const found = cycles(importGraph(files));
  for (const comp of found) {
    process.stderr.write(
      `import cycle among ${comp.length} files:\n${comp.map((f) => `  ${path.relative(root, f)}`).join('\n')}\n`,
    );
  }
  process.stdout.write(`[cycles] ${files.length} source files, ${found.length} import cycle(s)\n`);
  process.exit(found.length > 0 ? 1 : 0);
}
