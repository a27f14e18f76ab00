/**
 * Lists of targets in files: export of a filtered list (xlsx or csv, streamed, with the
 * template's Chinese headers) and claims (认领) by an uploaded id list.
 */
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { domainError, err, ok, type DomainError, type Result, chinaDate } from '@openssj/core';
import {
  type Actor,
  type AuditContext,
  matchHeaders,
  type HeaderSpec,
  detectFormat,
  fileSource,
  readRows,
  csvStream,
  xlsxStream,
  type ServiceDeps,
  type Upload,
} from '../platform';
import type { TargetFilter } from '../../db/target-filter';
import { existingTargetIds, streamTargets, type TargetRow } from './target.repo';
import { TARGET_HEADERS } from './imports/target.import';
import { claimOrUnclaim } from './target-claim.service';
import { authorizeFilter } from './target.service';
import { maskTargetRow } from './target-view';

/** The template columns of one target, for export (re-importable as is). */
export function targetCells(r: TargetRow): string[] {
  return [
    r.uscc ?? '',
    r.uscc === null ? r.id : '',
    r.name,
    r.type,
    r.division_code,
    r.address,
    r.industry_code ?? '',
    r.legal_rep ?? '',
    r.status,
    r.supervising_unit ?? '',
    r.risk_tier ?? '',
    r.tags.join('；'),
  ];
}

export type ExportFormat = 'xlsx' | 'csv';

/** Stream a filtered list of targets as a file: the actor's jurisdiction only, personal data masked as the policy says. */
export function exportTargets(
  deps: ServiceDeps,
  actor: Actor,
  f: TargetFilter,
  format: ExportFormat,
): Result<{ stream: Readable; fileName: string; contentType: string }, DomainError> {
  const allowed = authorizeFilter(actor, f);
  if (!allowed.ok) {
    return allowed;
  }
  const filter = allowed.value;
  const header = TARGET_HEADERS.map((h) => h.zh);
  // issue 10: the filter is narrowed to the actor's jurisdiction; personal data masked per the policy
  async function* rows(): AsyncGenerator<string[][]> {
    for await (const page of streamTargets(deps.database.db, filter)) {
      yield page.map((r) => targetCells(maskTargetRow(actor, r)));
    }
  }
  const stamp = chinaDate(deps.clock()).replaceAll('-', '');
  return ok(
    format === 'csv'
      ? {
          stream: csvStream(header, rows()),
          fileName: `检查对象-${stamp}.csv`,
          contentType: 'text/csv; charset=utf-8',
        }
      : {
          stream: xlsxStream('检查对象', header, rows()),
          fileName: `检查对象-${stamp}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
  );
}

const ID_HEADERS: readonly HeaderSpec[] = [
  {
    key: 'uscc',
    zh: '统一社会信用代码',
    en: 'USCC',
    required: false,
    aliases: ['信用代码', '社会信用代码'],
    example: '',
  },
  { key: 'code', zh: '对象编码', en: 'Target code', required: false, aliases: ['编码', 'id'], example: '' },
];

/** Most ids one uploaded claim list may hold. */
export const CLAIM_LIST_MAX = 200_000;

/** Read target ids from a file: the 统一社会信用代码 / 对象编码 columns, or the first column of a plain list. */
export async function readIdList(upload: Upload): Promise<Result<string[], DomainError>> {
  const source = fileSource(upload.path, upload.fileName);
  const format = await detectFormat(source);
  if (!format.ok) {
    return format;
  }
  const ids: string[] = [];
  let columns: number[] | null = null;
  for await (const batch of readRows(source, format.value)) {
    for (const row of batch) {
      if (columns === null) {
        const m = matchHeaders(ID_HEADERS, row.cells);
        if (m.ok) {
          columns = [...m.value.values()];
          continue;
        }
        columns = [0]; // no header: a plain list, one id per line
      }
      for (const c of columns) {
        const v = (row.cells[c] ?? '').trim();
        if (v !== '') {
          ids.push(v);
        }
      }
      if (ids.length > CLAIM_LIST_MAX) {
        return err(
          domainError(
            'VALIDATION',
            `名单超过 ${CLAIM_LIST_MAX} 条，请分批上传`,
            `the list has more than ${CLAIM_LIST_MAX} ids: upload it in parts`,
          ),
        );
      }
    }
  }
  return ok([...new Set(ids)]);
}

/** Claim or unclaim the targets listed in an uploaded file; unknown ids are reported, not fatal. */
export async function claimFromUpload(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  action: 'claim' | 'unclaim',
  departmentCode: string,
  upload: Upload,
): Promise<
  Result<{ affected: number; listed: number; notFound: number; notFoundSample: string[] }, DomainError>
> {
  try {
    const list = await readIdList(upload);
    if (!list.ok) {
      return list;
    }
    const existing = new Set<string>();
    for (let i = 0; i < list.value.length; i += 10_000) {
      for (const id of await existingTargetIds(deps.database.db, list.value.slice(i, i + 10_000))) {
        existing.add(id);
      }
    }
    const missing = list.value.filter((id) => !existing.has(id));
    const res = await claimOrUnclaim(deps, ctx, {
      action,
      departmentCode,
      selection: { ids: [...existing] },
    });
    if (!res.ok) {
      return res;
    }
    return ok({
      affected: res.value.affected,
      listed: list.value.length,
      notFound: missing.length,
      notFoundSample: missing.slice(0, 20),
    });
  } finally {
    await rm(upload.path, { force: true });
  }
}
