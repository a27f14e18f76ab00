/**
 * Exports of the item list and the inspector library as xlsx or csv, with the templates'
 * Chinese headers (so an export can be edited and imported again), through the shared
 * sheet writer, which neutralises cells starting with = + - @.
 */
import type { DomainError, Result } from '@openssj/core';
import {
  type Actor,
  EXPORT_MAX_ROWS,
  sheetDownload,
  type Download,
  type SheetFormat,
  type ServiceDeps,
} from '../platform';
import { inspectorCells } from './imports/inspector.import';
import { INSPECTOR_HEADERS } from './imports/inspector-headers';
import { ITEM_HEADERS, itemCells } from './imports/item.import';
import { exportInspectors, type InspectorQuery } from './inspector.service';
import { exportItems, type ItemQuery } from './item-query.service';

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
