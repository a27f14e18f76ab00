/**
 * Frame files (spec §4): UTF-8, one target per line ending in `\n`, each line `ID` or
 * `ID<TAB>UNIT` (all lines alike), sorted by UTF-8 bytes, ids unique, no BOM, CR or empty line.
 * The line checker works one line at a time, so a huge frame is checked in O(1) memory.
 */
import { err, ok, type Result } from '../result';
import { compareUtf8 } from './utf8';

export type FrameIssueCode =
  | 'BOM'
  | 'CR'
  | 'EMPTY_LINE'
  | 'NO_FINAL_NEWLINE'
  | 'EMPTY_ID'
  | 'EMPTY_UNIT'
  | 'EXTRA_TAB'
  | 'UNIT_MISSING'
  | 'UNIT_UNEXPECTED'
  | 'OUT_OF_ORDER'
  | 'DUPLICATE'
  | 'INVALID_UTF8';

/** A broken §4 rule, at a 1-based line number. */
export interface FrameIssue {
  readonly code: FrameIssueCode;
  readonly line: number;
  readonly messageZh: string;
  readonly messageEn: string;
}

/** A parsed frame: ids in file order, and units when the lines carry them. */
export interface Frame {
  readonly ids: readonly string[];
  readonly units: readonly string[] | null;
}

/** One parsed line. */
export interface FrameLine {
  readonly id: string;
  readonly unit: string | null;
}

function issue(code: FrameIssueCode, line: number, zh: string, en: string): FrameIssue {
  return { code, line, messageZh: `第 ${line} 行：${zh}`, messageEn: `line ${line}: ${en}` };
}

/**
 * Checks frame lines in order, one at a time (spec §4). `withUnits` says whether every line
 * carries a unit (jurisdiction rule) or none does; null lets the first line decide.
 */
export class FrameLineChecker {
  private prevLine: string | null = null;
  private prevId = '';
  private lineNo = 0;

  constructor(private withUnits: boolean | null = null) {}

  /** Lines checked so far. */
  get lines(): number {
    return this.lineNo;
  }

  /** Whether lines carry units (null before the first line when not fixed). */
  get unitsPresent(): boolean | null {
    return this.withUnits;
  }

  /** Check the next line (without its `\n`); returns the parsed line or the broken rule. */
  check(line: string): Result<FrameLine, FrameIssue> {
    const n = ++this.lineNo;
    if (line.length === 0) {
      return err(issue('EMPTY_LINE', n, '空行', 'empty line'));
    }
    if (n === 1 && line.charCodeAt(0) === 0xfeff) {
      return err(issue('BOM', n, '文件以字节顺序标记（BOM）开头', 'the file starts with a byte-order mark'));
    }
    if (line.includes('\r')) {
      return err(issue('CR', n, '含回车符（CR）', 'contains a carriage return (CR)'));
    }
    const tab = line.indexOf('\t');
    let id = line;
    let unit: string | null = null;
    if (tab >= 0) {
      id = line.slice(0, tab);
      unit = line.slice(tab + 1);
      if (unit.includes('\t')) {
        return err(issue('EXTRA_TAB', n, '含多个制表符', 'more than one TAB'));
      }
      if (unit.length === 0) {
        return err(issue('EMPTY_UNIT', n, '监管单位为空', 'empty UNIT after the TAB'));
      }
    }
    if (id.length === 0) {
      return err(issue('EMPTY_ID', n, '检查对象标识为空', 'empty ID'));
    }
    if (this.withUnits === null) {
      this.withUnits = unit !== null;
    } else if (this.withUnits && unit === null) {
      return err(
        issue(
          'UNIT_MISSING',
          n,
          '缺少监管单位（其他行均有）',
          'no UNIT, while lines of this frame carry one',
        ),
      );
    } else if (!this.withUnits && unit !== null) {
      return err(
        issue('UNIT_UNEXPECTED', n, '不应有监管单位', 'has a UNIT, while lines of this frame carry none'),
      );
    }
    if (this.prevLine !== null) {
      if (id === this.prevId) {
        return err(
          issue('DUPLICATE', n, `与上一行重复：${id}`, `duplicate id ${id} (same as line ${n - 1})`),
        );
      }
      if (compareUtf8(this.prevLine, line) > 0) {
        return err(
          issue(
            'OUT_OF_ORDER',
            n,
            '未按 UTF-8 字节顺序排列（小于上一行）',
            'out of order: sorts before line ' + String(n - 1) + ' in UTF-8 byte order',
          ),
        );
      }
    }
    this.prevLine = line;
    this.prevId = id;
    return ok({ id, unit });
  }
}

/** Parse and check a whole frame file's text (spec §4). `withUnits` null: the first line decides. */
export function parseFrame(text: string, withUnits: boolean | null = null): Result<Frame, FrameIssue> {
  if (text.length === 0) {
    return ok({ ids: [], units: withUnits === true ? [] : null }); // an empty frame is an empty file
  }
  if (!text.endsWith('\n')) {
    const last = text.split('\n').length;
    return err(
      issue('NO_FINAL_NEWLINE', last, '最后一行没有以换行符结尾', 'the last line does not end in \\n'),
    );
  }
  const checker = new FrameLineChecker(withUnits);
  const ids: string[] = [];
  const units: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const r = checker.check(text.slice(start, end));
    if (!r.ok) {
      return r;
    }
    ids.push(r.value.id);
    if (r.value.unit !== null) {
      units.push(r.value.unit);
    }
    start = end + 1;
  }
  return ok({ ids, units: checker.unitsPresent === true ? units : null });
}
