/**
 * Exports of the item list and the inspector library as xlsx or csv, with the templates'
 * Chinese headers (so an export can be edited and imported again), through the shared
 * sheet writer, which neutralises cells starting with = + - @.
 */
import type { Readable } from 'node:stream';
import { chinaDay, type DomainError, type Result } from '@openssj/core';
import type { Actor } from '../platform/auth/actor';
import { INSPECTOR_HEADERS, inspectorCells } from './imports/inspector.import';
import { ITEM_HEADERS, itemCells } from './imports/item.import';
import { csvStream, xlsxStream } from './imports/sheet-writer';
import type { ServiceDeps } from '../platform/context';
import { exportInspectors, type InspectorQuery } from './inspector.service';
import { exportItems, type ItemQuery } from './item-query.service';

export type SheetFormat = 'xlsx' | 'csv';

/** A file to send: its stream, name and content type. */
export interface Download {
  readonly stream: Readable;
  readonly fileName: string;
  readonly contentType: string;
}

/** Most rows one export holds (the libraries are thousands of rows, not millions). */
export const EXPORT_MAX_ROWS = 100_000;

async function* once(rows: Promise<string[][]>): AsyncGenerator<string[][]> {
  yield await rows;
}

/** A sheet download of rows under headers. */
export function sheetDownload(
  title: string,
  header: readonly string[],
  rows: string[][],
  format: SheetFormat,
  now: Date,
): Download {
  const stamp = chinaDay(now).replaceAll('-', '');
  return format === 'csv'
    ? {
        stream: csvStream(header, once(Promise.resolve(rows))),
        fileName: `${title}-${stamp}.csv`,
        contentType: 'text/csv; charset=utf-8',
      }
    : {
        stream: xlsxStream(title, header, once(Promise.resolve(rows))),
        fileName: `${title}-${stamp}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
}

/** Export the items of a staff query. */
export async function exportItemSheet(
  deps: ServiceDeps,
  actor: Actor,
  q: Omit<ItemQuery, 'limit' | 'offset'>,
  format: SheetFormat,
): Promise<Result<Download, DomainError>> {
  const res = await exportItems(deps, actor, q, EXPORT_MAX_ROWS);
  return res.ok
    ? {
        ok: true,
        value: sheetDownload(
          '抽查事项清单',
          ITEM_HEADERS.map((h) => h.zh),
          res.value.map(itemCells),
          format,
          deps.clock(),
        ),
      }
    : res;
}

/** Export the inspectors of a query. */
export async function exportInspectorSheet(
  deps: ServiceDeps,
  actor: Actor,
  q: Omit<InspectorQuery, 'limit' | 'offset'>,
  format: SheetFormat,
): Promise<Result<Download, DomainError>> {
  const res = await exportInspectors(deps, actor, q, EXPORT_MAX_ROWS);
  return res.ok
    ? {
        ok: true,
        value: sheetDownload(
          '执法检查人员名录库',
          INSPECTOR_HEADERS.map((h) => h.zh),
          res.value.map(inspectorCells),
          format,
          deps.clock(),
        ),
      }
    : res;
}
