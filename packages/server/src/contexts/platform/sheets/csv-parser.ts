/**
 * A streaming RFC 4180 CSV parser: quoted fields with commas, doubled quotes and line
 * breaks; CRLF, LF or CR line ends. Text goes in by chunks, complete records come out.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Incremental CSV parser; call push() per chunk and once more with final = true. */
export class CsvParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private atFieldStart = true;
  private carry = '';

  /** Feed a chunk of text; complete records are appended to `out`. */
  push(chunk: string, out: string[][], final = false): void {
    const s = this.carry + chunk;
    this.carry = '';
    let n = s.length;
    let i = 0;
    let start = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          if (i + 1 >= n && !final) {
            // A quote at the end of a chunk may be the first of "": decide with the next chunk.
            this.carry = s.slice(i);
            n = i;
            break;
          }
          if (i + 1 < n && s.charCodeAt(i + 1) === QUOTE) {
            this.field += s.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          this.field += s.slice(start, i);
          this.inQuotes = false;
          i += 1;
          start = i;
          continue;
        }
        i += 1;
        continue;
      }
      if (this.atFieldStart && this.row.length === 0 && this.field === '') {
        // Fast path: a whole record on one line without quotes splits natively.
        const nl = s.indexOf('\n', i);
        if (nl >= 0) {
          const end = nl > i && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          const line = s.slice(i, end);
          if (!line.includes('"') && !line.includes('\r')) {
            out.push(line.split(','));
            i = nl + 1;
            start = i;
            continue;
          }
        }
      }
      if (c === COMMA) {
        this.row.push(this.field + s.slice(start, i));
        this.field = '';
        this.atFieldStart = true;
        i += 1;
        start = i;
        continue;
      }
      if (c === CR && i + 1 >= n && !final) {
        // A CR at the end of a chunk may start a CRLF: decide with the next chunk.
        this.carry = s.slice(i);
        n = i;
        break;
      }
      if (c === LF || c === CR) {
        this.row.push(this.field + s.slice(start, i));
        this.field = '';
        out.push(this.row);
        this.row = [];
        this.atFieldStart = true;
        i += 1;
        if (c === CR && i < n && s.charCodeAt(i) === LF) {
          i += 1;
        }
        start = i;
        continue;
      }
      if (c === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        i += 1;
        start = i;
        continue;
      }
      this.atFieldStart = false;
      i += 1;
    }
    this.field += s.slice(start, n);
    if (final) {
      if (this.row.length > 0 || this.field !== '') {
        this.row.push(this.field);
        out.push(this.row);
      }
      this.row = [];
      this.field = '';
      this.inQuotes = false;
      this.atFieldStart = true;
    }
  }
}

/** Parse a whole CSV text (tests and small inputs). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  new CsvParser().push(text, out, true);
  return out;
}
