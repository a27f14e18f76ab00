// No console page is a placeholder (issue 11): the text 功能建设中 appears nowhere in the web sources,
// and every console page id renders a real page component.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_PAGES } from '../src/routes/console-nav';

const SRC = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|css|html)$/.test(name) ? [p] : [];
  });
}

describe('console pages', () => {
  it('never show 功能建设中 (under construction)', () => {
    const sources = files(SRC);
    expect(sources.length).toBeGreaterThan(50);
    const hits = sources.filter((f) => /功能建设中|建设中|under construction/i.test(readFileSync(f, 'utf8')));
    expect(hits.map((f) => path.relative(SRC, f))).toEqual([]);
  });

  it('each have a page module on disk', () => {
    const pages = readFileSync(path.join(SRC, 'routes/console-pages.tsx'), 'utf8');
    for (const p of CONSOLE_PAGES) {
      const m = new RegExp(`${p.id}: \\{[^}]*?import\\('([^']+)'\\)`, 's').exec(pages);
      expect(m, `console page ${p.id} has no lazyPage import`).not.toBeNull();
      const file = path.resolve(SRC, 'routes', `${m?.[1] ?? ''}.tsx`);
      expect(statSync(file).isFile(), file).toBe(true);
    }
  });
});
