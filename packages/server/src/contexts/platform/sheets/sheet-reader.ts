/**
 * Streaming spreadsheet readers for imports: .xlsx (exceljs streaming WorkbookReader) and
 * .csv (UTF-8 with or without BOM, or GBK as Chinese Excel writes it). Legacy .xls is
 * refused with a message asking for .xlsx. Rows come out as text cells with the row
 * number the user sees in Excel.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CsvParser } from './csv-parser';
import { alignReaderUtf8 } from './xlsx-utf8';

/** Where an import reads from: re-openable, because the runner reads a file twice. */
export interface ImportSource {
  readonly fileName: string;
  open(): Readable;
}

/** One spreadsheet row: its number as Excel shows it, and its cells as text. */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

export type SheetFormat = 'xlsx' | 'csv';
export type TextEncoding = 'utf-8' | 'gb18030';

/** A source over a file on disk. */
export function fileSource(path: string, fileName: string = path): ImportSource {
  return { fileName, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** A source over bytes in memory (tests, small uploads). */
export function bufferSource(fileName: string, bytes: Uint8Array): ImportSource {
  return { fileName, open: () => Readable.from([Buffer.from(bytes)]) };
}

async function firstBytes(source: ImportSource, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let got = 0;
  const stream = source.open();
  try {
    for await (const chunk of stream) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      chunks.push(b);
      got += b.length;
      if (got >= n) {
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, n);
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The error for a legacy .xls workbook. */
export function xlsRefused(fileName: string): DomainError {
  return domainError(
    'VALIDATION',
    `不支持旧版 Excel 97-2003 格式（.xls）：请在 Excel 中「另存为」.xlsx 工作簿后再导入（${fileName}）`,
    `legacy Excel 97-2003 (.xls) files are not supported: save the file as an .xlsx workbook in Excel and import that (${fileName})`,
    { details: { reason: 'xls' } },
  );
}

/** Decide the format from the first bytes and the name; .xls and other binaries are refused. */
export async function detectFormat(source: ImportSource): Promise<Result<SheetFormat, DomainError>> {
  const head = await firstBytes(source, 8);
  const lower = source.fileName.toLowerCase();
  if (head.subarray(0, 4).equals(OLE_MAGIC) || lower.endsWith('.xls')) {
    return err(xlsRefused(source.fileName));
  }
  if (head.length === 0) {
    return err(
      domainError('VALIDATION', `文件为空：${source.fileName}`, `the file is empty: ${source.fileName}`, {
        details: { reason: 'empty' },
      }),
    );
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    return ok('xlsx');
  }
  if (lower.endsWith('.xlsx')) {
    return err(
      domainError(
        'VALIDATION',
        `不是有效的 .xlsx 文件：${source.fileName}`,
        `not a valid .xlsx file: ${source.fileName}`,
        { details: { reason: 'bad-xlsx' } },
      ),
    );
  }
  if (head.includes(0)) {
    return err(
      domainError(
        'VALIDATION',
        `无法识别的文件格式：请上传 .xlsx 或 .csv 文件（${source.fileName}）`,
        `unrecognised file format: upload an .xlsx or .csv file (${source.fileName})`,
        {
          details: { reason: 'format' },
        },
      ),
    );
  }
  return ok('csv');
}

/** Where a trailing incomplete UTF-8 sequence of `b` starts (b.length when it ends on a boundary). */
export function utf8Boundary(b: Uint8Array): number {
  for (let i = b.length - 1; i >= Math.max(0, b.length - 4); i--) {
    const c = b[i] ?? 0;
    if ((c & 0xc0) === 0x80) {
      continue; // a continuation byte: look further back for the lead
    }
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return b.length - i < need ? i : b.length;
  }
  return b.length;
}

/**
 * Valid UTF-8 throughout → utf-8; otherwise GB18030 (a superset of GBK). Streams the file once,
 * checking each chunk with Node's native validator (a sequence cut by a chunk's end waits for the next).
 */
export async function detectEncoding(source: ImportSource): Promise<TextEncoding> {
  const stream = source.open();
  let carry: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      const b = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
      const cut = utf8Boundary(b);
      if (!isUtf8(b.subarray(0, cut))) {
        return 'gb18030';
      }
      carry = Buffer.from(b.subarray(cut));
    }
    return carry.length === 0 ? 'utf-8' : 'gb18030';
  } finally {
    stream.destroy();
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** Read a CSV file's rows; blank rows are skipped (their numbers still count). */
export async function* readCsvRows(source: ImportSource, encoding: TextEncoding): AsyncGenerator<SheetRow[]> {
  const parser = new CsvParser();
  const decoder = encoding === 'utf-8' ? new TextDecoder('utf-8') : iconv.getDecoder('gb18030');
  let rowNumber = 0;
  const take = (records: string[][]): SheetRow[] => {
    const out: SheetRow[] = [];
    for (const cells of records) {
      rowNumber += 1;
      if (!isBlank(cells)) {
        out.push({ rowNumber, cells });
      }
    }
    return out;
  };
  let first = true;
  for await (const chunk of source.open()) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    let text =
      decoder instanceof TextDecoder ? decoder.decode(bytes, { stream: true }) : decoder.write(bytes);
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const records: string[][] = [];
    parser.push(text, records);
    yield take(records);
  }
  const tail = decoder instanceof TextDecoder ? decoder.decode() : (decoder.end() ?? '');
  const records: string[][] = [];
  parser.push(tail, records, true);
  yield take(records);
}

function dateText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The text of one exceljs cell value (rich text, formulas' results, dates, numbers). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) {
    return '';
  }
  if (typeof v === 'string') {
    return v;
  }
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) ? v.toFixed(0) : String(v);
  }
  if (typeof v === 'boolean') {
    return v ? 'TRUE' : 'FALSE';
  }
  if (v instanceof Date) {
    return dateText(v);
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) {
      return v.richText
        .map((p: unknown) => (typeof p === 'object' && p !== null && 'text' in p ? cellText(p.text) : ''))
        .join('');
    }
    if ('result' in v) {
      return cellText(v.result);
    }
    if ('text' in v) {
      return cellText(v.text);
    }
    if ('error' in v) {
      return cellText(v.error);
    }
  }
  return '';
}

/** Read the first worksheet of an .xlsx file, streaming. */
export async function* readXlsxRows(source: ImportSource): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.open(), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  alignReaderUtf8(reader);
  for await (const sheet of reader) {
    let batch: SheetRow[] = [];
    for await (const row of sheet) {
      const values: unknown = row.values;
      const cells: string[] = [];
      if (Array.isArray(values)) {
        // exceljs rows are 1-based sparse arrays.
        for (let i = 1; i < values.length; i++) {
          cells.push(cellText(values[i]));
        }
      }
      if (!isBlank(cells)) {
        batch.push({ rowNumber: row.number, cells });
      }
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    yield batch;
    return; // the first worksheet only: later sheets hold notes (说明)
  }
}

/** Read rows of a detected format, in batches. */
export async function* readRows(source: ImportSource, format: SheetFormat): AsyncGenerator<SheetRow[]> {
  if (format === 'xlsx') {
    yield* readXlsxRows(source);
    return;
  }
  yield* readCsvRows(source, await detectEncoding(source));
}
