/**
 * A sheet download: rows under Chinese headers as an .xlsx workbook or a UTF-8 CSV, named by
 * title and the China date. Library, audit and publication exports share it.
 */
import type { Readable } from 'node:stream';
import { chinaDay } from '@openssj/core';
import { csvStream, xlsxStream } from './sheet-writer';

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
