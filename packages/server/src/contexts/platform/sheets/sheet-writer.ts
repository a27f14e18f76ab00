/**
 * Spreadsheet output: templates (headers + example row + notes), exports to xlsx and csv
 * (streamed), and the downloadable error report. Every text cell is neutralised against
 * formula injection: a cell starting with = + - @ (or tab / CR) gets a leading quote.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { HeaderSpec } from './import-spec';
import type { ImportIssue } from './import-runner';

/** Prefix a single quote to a cell that a spreadsheet would read as a formula. */
export function neutralizeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** One CSV line (RFC 4180 quoting), neutralised, with CRLF. */
export function csvLine(cells: readonly string[]): string {
  return `${cells
    .map((c) => {
      const v = neutralizeCell(c);
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',')}\r\n`;
}

/** Stream rows as UTF-8 CSV with a BOM (so that Excel reads the Chinese headers). */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly (readonly string[])[]>,
): Readable {
  async function* gen(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(header)}`;
    for await (const batch of rows) {
      yield batch.map(csvLine).join('');
    }
  }
  return Readable.from(gen());
}

/** Stream rows as an .xlsx workbook (exceljs streaming writer, text cells). */
export function xlsxStream(
  sheetName: string,
  header: readonly string[],
  rows: AsyncIterable<readonly (readonly string[])[]>,
): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName);
  ws.columns = header.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length * 3)) }));
  void (async () => {
    try {
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const batch of rows) {
        for (const r of batch) {
          ws.addRow(r.map(neutralizeCell)).commit();
        }
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return out;
}

/** A template workbook: the headers, one example row, and a notes sheet. Text-formatted cells keep leading zeros. */
export async function templateXlsx(
  title: string,
  headers: readonly HeaderSpec[],
  notes: readonly string[] = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title);
  ws.columns = headers.map((h) => ({
    header: h.zh,
    key: h.key,
    width: Math.max(14, h.zh.length * 3 + 4),
    style: { numFmt: '@' },
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.note = `${h.required ? '必填' : '选填'} / ${h.required ? 'required' : 'optional'}: ${h.en}`;
    if (h.required) {
      cell.font = { bold: true, color: { argb: 'FFC00000' } };
    }
  });
  ws.addRow(headers.map((h) => h.example));
  const info = wb.addWorksheet('说明');
  info.columns = [
    { header: '列 / column', width: 22 },
    { header: '必填 / required', width: 16 },
    { header: 'English', width: 24 },
    { header: '其他可用表头 / aliases', width: 40 },
  ];
  for (const h of headers) {
    info.addRow([h.zh, h.required ? '是 / yes' : '否 / no', h.en, (h.aliases ?? []).join('、')]);
  }
  for (const n of notes) {
    info.addRow([n]);
  }
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf);
}

export const ISSUE_REPORT_HEADER = ['行号', '列', '值', '错误原因', 'Row', 'Column', 'Reason'] as const;

/** The error report of an import as an .xlsx workbook. */
export async function issuesXlsx(issues: readonly ImportIssue[], omitted: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误报告');
  ws.columns = [
    { header: ISSUE_REPORT_HEADER[0], width: 8 },
    { header: ISSUE_REPORT_HEADER[1], width: 18 },
    { header: ISSUE_REPORT_HEADER[2], width: 30 },
    { header: ISSUE_REPORT_HEADER[3], width: 50 },
    { header: ISSUE_REPORT_HEADER[4], width: 8 },
    { header: ISSUE_REPORT_HEADER[5], width: 18 },
    { header: ISSUE_REPORT_HEADER[6], width: 50 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of issues) {
    ws.addRow([
      i.row,
      neutralizeCell(i.column),
      neutralizeCell(i.value),
      neutralizeCell(i.messageZh),
      i.row,
      neutralizeCell(i.columnEn),
      neutralizeCell(i.messageEn),
    ]);
  }
  if (omitted > 0) {
    ws.addRow(['', '', '', `另有 ${omitted} 条错误未列出`, '', '', `${omitted} more issues not listed`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
