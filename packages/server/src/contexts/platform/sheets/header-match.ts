/**
 * Matches a file's header row to a template's columns by name (Chinese header, aliases,
 * English name or key), in any order. Optional columns may be absent; a missing required
 * column or a column given twice makes the file unusable.
 */
import { domainError, err, ok, type DomainError, type FieldIssue, type Result } from '@openssj/core';
import type { HeaderSpec } from './import-spec';

/** Column index in the file for each header key (absent optional columns are missing). */
export type ColumnMap = ReadonlyMap<string, number>;

/** Normalise a header cell: trim, drop BOM, required marks (*) and notes in brackets. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .replace(/[*＊]/g, '')
    .replace(/[（(][^）)]*[）)]\s*$/u, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

function namesOf(h: HeaderSpec): string[] {
  return [h.zh, h.en, h.key, ...(h.aliases ?? [])].map(normalizeHeader);
}

/** Map header cells to the spec's columns. */
export function matchHeaders(
  headers: readonly HeaderSpec[],
  cells: readonly string[],
): Result<ColumnMap, DomainError> {
  const byName = new Map<string, HeaderSpec>();
  for (const h of headers) {
    for (const n of namesOf(h)) {
      byName.set(n, h);
    }
  }
  const map = new Map<string, number>();
  const issues: FieldIssue[] = [];
  cells.forEach((cell, i) => {
    const h = byName.get(normalizeHeader(cell));
    if (h === undefined) {
      return; // extra columns are ignored
    }
    if (map.has(h.key)) {
      issues.push({
        row: 1,
        field: h.zh,
        value: cell,
        messageZh: `列「${h.zh}」出现了两次`,
        messageEn: `column '${h.en}' appears twice`,
      });
      return;
    }
    map.set(h.key, i);
  });
  const missing = headers.filter((h) => h.required && !map.has(h.key));
  for (const h of missing) {
    issues.push({
      field: h.zh,
      messageZh: `缺少必填列「${h.zh}」`,
      messageEn: `missing required column '${h.zh}' (${h.en})`,
    });
  }
  if (map.size === 0) {
    return err(
      domainError(
        'VALIDATION',
        `首行不是模板表头：应包含 ${headers.map((h) => h.zh).join('、')}`,
        `the first row is not the template's header row: expected ${headers.map((h) => h.en).join(', ')}`,
        { issues, details: { reason: 'header' } },
      ),
    );
  }
  if (issues.length > 0) {
    const first = missing[0];
    return err(
      domainError(
        'VALIDATION',
        first !== undefined ? `缺少必填列「${missing.map((h) => h.zh).join('」「')}」` : '表头有重复的列',
        first !== undefined
          ? `missing required column(s): ${missing.map((h) => `${h.zh} (${h.en})`).join(', ')}`
          : 'the header row repeats a column',
        { issues, details: { reason: 'header', missing: missing.map((h) => h.zh) } },
      ),
    );
  }
  return ok(map);
}

/** Build the raw row (key → text) of one data row; absent columns give ''. */
export function rawRow(
  headers: readonly HeaderSpec[],
  columns: ColumnMap,
  cells: readonly string[],
): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const h of headers) {
    const i = columns.get(h.key);
    raw[h.key] = i === undefined ? '' : (cells[i] ?? '');
  }
  return raw;
}
