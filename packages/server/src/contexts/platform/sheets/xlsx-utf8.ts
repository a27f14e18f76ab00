/**
 * A fix for exceljs 4.4's streaming reader, which decodes each zip chunk to text on its own
 * (utils/parse-sax.js) and so garbles a Chinese character split across two chunks. The
 * reader's worksheet and shared-string streams are re-chunked on UTF-8 boundaries.
 */
import { Readable } from 'node:stream';

/** The length of the prefix of `b` that holds only complete UTF-8 characters. */
export function utf8Boundary(b: Uint8Array): number {
  for (let i = b.length - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const x = b[i] ?? 0;
    if ((x & 0xc0) === 0x80) {
      continue; // a continuation byte: keep looking for the lead byte
    }
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return i + need <= b.length ? b.length : i;
  }
  return b.length;
}

/** Re-chunk a byte stream so that no chunk ends inside a UTF-8 character. */
export async function* utf8Aligned(src: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of src) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    const b = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
    const cut = utf8Boundary(b);
    carry = b.subarray(cut);
    if (cut > 0) {
      yield b.subarray(0, cut);
    }
  }
  if (carry.length > 0) {
    yield carry;
  }
}

/** Patch one exceljs WorkbookReader instance so that its XML streams are UTF-8 aligned. */
export function alignReaderUtf8(reader: object): void {
  const parseSheet: unknown = Reflect.get(reader, '_parseWorksheet');
  const parseStrings: unknown = Reflect.get(reader, '_parseSharedStrings');
  if (typeof parseSheet !== 'function' || typeof parseStrings !== 'function') {
    throw new Error('bug: exceljs WorkbookReader internals changed (see xlsx-utf8.ts)');
  }
  Reflect.set(
    reader,
    '_parseWorksheet',
    function (this: unknown, iterable: AsyncIterable<unknown>, sheetNo: string): unknown {
      const generator: unknown = Reflect.apply(parseSheet, this, [utf8Aligned(iterable), sheetNo]);
      return generator;
    },
  );
  Reflect.set(
    reader,
    '_parseSharedStrings',
    function (this: unknown, entry: AsyncIterable<unknown>): unknown {
      const generator: unknown = Reflect.apply(parseStrings, this, [Readable.from(utf8Aligned(entry))]);
      return generator;
    },
  );
}
