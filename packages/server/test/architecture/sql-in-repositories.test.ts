/**
 * Issue 12: SQL lives only in repositories. Outside `src/db/` (the schema, migrations, client and
 * repositories) and files named `*.repo.ts`, no server source imports the query layer (drizzle-orm,
 * the schema's tables or the raw-SQL helpers) or writes a SQL template. The demo generator is the
 * one named exception: it bulk-writes generated data and is neither a service nor a route. The
 * package surfaces (src/index.ts, src/bench.ts) only re-export.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');
// the demo generator, and the package surfaces (re-exports only: context-boundaries.test.ts)
const EXCEPTIONS = new Set(['demo', 'index.ts', 'bench.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Why a file breaks the rule, or null. */
export function queryLayerUse(text: string): string | null {
  if (/from '[^']*drizzle-orm[^']*'/.test(text)) {
    return 'imports drizzle-orm';
  }
  if (/from '(?:\.\.?\/)+(?:db\/)?(?:schema|sql)'/.test(text)) {
    return 'imports the schema or the raw-SQL helpers';
  }
  if (/\bsql`/.test(text)) {
    return 'writes a SQL template';
  }
  return null;
}

describe('SQL only in repositories', () => {
  it('finds the query layer in a service-like text (the check can fail)', () => {
    expect(queryLayerUse("import { eq } from 'drizzle-orm';")).toBe('imports drizzle-orm');
    expect(queryLayerUse("import { users } from '../db/schema';")).toMatch(/schema/);
    expect(queryLayerUse('const q = sql`SELECT 1`;')).toMatch(/SQL template/);
    expect(queryLayerUse("import { findUser } from '../db/repos/user.repo';")).toBeNull();
  });

  it('no service, route or other module outside db/ and *.repo.ts touches it', () => {
    const offenders = sources(src)
      .filter((f) => {
        const rel = path.relative(src, f);
        return (
          !rel.startsWith(`db${path.sep}`) &&
          !f.endsWith('.repo.ts') &&
          !EXCEPTIONS.has(rel.split(path.sep)[0] ?? '')
        );
      })
      .flatMap((f) => {
        const why = queryLayerUse(readFileSync(f, 'utf8'));
        return why === null ? [] : [`${path.relative(src, f)}: ${why}`];
      });
    expect(offenders).toEqual([]);
  });
});
