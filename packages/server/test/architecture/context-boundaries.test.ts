/**
 * Issue 12: the server is split by bounded context (src/contexts/<context>/), and these rules keep
 * the split honest:
 * - a module reaches another context only through that context's index.ts (its public interface);
 * - contexts depend one way, down this order: oversight → inspection → draw → workflow → library
 *   → risk → platform (draw and workflow meet at one seam: draw uses workflow, never the reverse);
 * - db/ (client, schema, shared SQL fragments) imports no context;
 * - a module never imports its own context's index (that would tie the context in a knot);
 * - the package exports three surfaces, `@openssj/server` (src/index.ts), `@openssj/server/bench`
 *   (src/bench.ts) and `@openssj/server/draw-engine` (src/draw-engine.ts, the scanner alone); `ssj`'s
 *   commands use the first and the third, its benchmarks and tests also the second.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');
const contextsDir = path.join(src, 'contexts');

/** Lowest first: a context may import only contexts listed before it. */
export const CONTEXT_ORDER = [
  'platform',
  'risk',
  'library',
  'workflow',
  'draw',
  'inspection',
  'oversight',
] as const;

/** The package's surfaces: re-exports only (checked below), so they may name any module. */
export const SURFACES = ['index.ts', 'bench.ts', 'draw-engine.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** The context a source file belongs to, or null (db/, demo/, app.ts, main.ts, contexts/routes.ts). */
function contextOf(file: string): string | null {
  const rel = path.relative(contextsDir, file);
  if (rel.startsWith('..')) {
    return null;
  }
  const parts = rel.split(path.sep);
  return parts.length > 1 ? (parts[0] ?? null) : null;
}

/** Relative import specifiers of a module (static imports and re-exports). */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)].map((m) => m[1] ?? '');
}

/** Why an import from `file` to `spec` breaks the rules, or null. */
export function boundaryBreach(file: string, spec: string): string | null {
  const target = path.resolve(path.dirname(file), spec);
  const from = contextOf(file);
  const to = contextOf(`${target}.ts`) ?? contextOf(path.join(target, 'index.ts'));
  const targetIsIndex =
    to !== null && (target === path.join(contextsDir, to) || target === path.join(contextsDir, to, 'index'));
  const fromDb = path.relative(src, file).startsWith(`db${path.sep}`);
  if (fromDb && to !== null) {
    return `db/ imports the ${to} context`;
  }
  if (to === null) {
    return null;
  }
  if (from === to) {
    return targetIsIndex ? 'imports its own context index' : null;
  }
  if (!targetIsIndex) {
    return `reaches into ${to} past its index (${spec})`;
  }
  if (from !== null) {
    const rank = (c: string) => CONTEXT_ORDER.indexOf(c as (typeof CONTEXT_ORDER)[number]);
    if (rank(from) < 0 || rank(to) < 0) {
      return `unknown context ${rank(from) < 0 ? from : to}`;
    }
    if (rank(to) >= rank(from)) {
      return `${from} depends on ${to}, against the order ${CONTEXT_ORDER.join(' < ')}`;
    }
  }
  return null;
}

describe('bounded contexts', () => {
  it('names a breach (the check can fail)', () => {
    const f = (ctx: string, name: string) => path.join(contextsDir, ctx, name);
    expect(boundaryBreach(f('draw', 'x.service.ts'), '../workflow/task.repo')).toMatch(/past its index/);
    expect(boundaryBreach(f('workflow', 'x.service.ts'), '../draw')).toMatch(/against the order/);
    expect(boundaryBreach(f('draw', 'x.service.ts'), '../workflow')).toBeNull();
    expect(boundaryBreach(f('draw', 'x.service.ts'), './index')).toMatch(/own context index/);
    expect(boundaryBreach(f('draw', 'x.service.ts'), './draw.repo')).toBeNull();
    expect(boundaryBreach(path.join(src, 'db', 'scope-sql.ts'), '../contexts/risk')).toMatch(/db\//);
    expect(boundaryBreach(path.join(src, 'main.ts'), './contexts/draw/draw.repo')).toMatch(/past its index/);
  });

  it('every context is in the order and has an index', () => {
    const dirs = readdirSync(contextsDir).filter((d) => statSync(path.join(contextsDir, d)).isDirectory());
    expect([...dirs].sort()).toEqual([...CONTEXT_ORDER].sort());
    for (const d of dirs) {
      expect(statSync(path.join(contextsDir, d, 'index.ts')).isFile()).toBe(true);
    }
  });

  it('no server module breaks a boundary', () => {
    const breaches = sources(src)
      .filter((file) => !SURFACES.includes(path.relative(src, file)))
      .flatMap((file) =>
        relativeImports(readFileSync(file, 'utf8')).flatMap((spec) => {
          const why = boundaryBreach(file, spec);
          return why === null ? [] : [`${path.relative(src, file)}: ${why}`];
        }),
      );
    expect(breaches).toEqual([]);
  });
});

describe('the server package surface', () => {
  const cli = path.resolve(src, '../../cli/src');

  it('the surface files only re-export', () => {
    for (const f of SURFACES) {
      const code = readFileSync(path.join(src, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const statements = code
        .split(';')
        .map((x) => x.trim())
        .filter((x) => x !== '');
      expect(statements.filter((x) => !/^export (\*|\{[^}]*\}) from '[^']+'$/.test(x))).toEqual([]);
    }
  });

  it('exports the public, the bench and the draw-engine surface only', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(src, '../package.json'), 'utf8')) as {
      exports: unknown;
    };
    expect(pkg.exports).toEqual({
      '.': './src/index.ts',
      './bench': './src/bench.ts',
      './draw-engine': './src/draw-engine.ts',
    });
  });

  it('ssj commands import @openssj/server and its draw engine only; benchmarks may add @openssj/server/bench', () => {
    const offenders = sources(cli).flatMap((file) => {
      const rel = path.relative(cli, file);
      const allowed = rel.startsWith(`bench${path.sep}`)
        ? ['@openssj/server', '@openssj/server/draw-engine', '@openssj/server/bench']
        : ['@openssj/server', '@openssj/server/draw-engine'];
      return [...readFileSync(file, 'utf8').matchAll(/'(@openssj\/server[^']*)'/g)]
        .map((m) => m[1] ?? '')
        .filter((spec) => !allowed.includes(spec))
        .map((spec) => `${rel}: ${spec}`);
    });
    expect(offenders).toEqual([]);
  });
});
