/**
 * Synthetic target rows for the import and search bench: deterministic, valid (USCC check
 * characters, GB/T 2260 divisions, GB/T 4754 classes), written as a template CSV, a
 * `psql \copy` CSV of the same rows, or an xlsx workbook.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { completeUscc, USCC_CHARSET } from '@openssj/core';
import ExcelJS from 'exceljs';
import { csvLine } from '@openssj/server/bench';

const DIVISIONS = [
  '500112',
  '500103',
  '500105',
  '500106',
  '500107',
  '500108',
  '500113',
  '500101',
  '510104',
  '440305',
];
const INDUSTRIES = ['5211', '5212', '6210', '6220', '5121', '5261', '7211', '8010', '1311', '3011'];
const PREFIXES = ['重庆', '渝北', '渝中', '江北', '南岸', '沙坪坝', '九龙坡', '成都', '深圳', '两江'];
const WORDS = '华为鑫隆盛达丰源恒通宏远嘉禾金鼎瑞祥信和永福天成博雅新元汇佳康泰明辉锦程长青润泽美嘉'.split(
  '',
);
const SUFFIXES = [
  '商贸有限公司',
  '科技有限公司',
  '餐饮店',
  '便利店',
  '食品有限公司',
  '建材经营部',
  '药房',
  '农业专业合作社',
];
const TIERS = ['A', 'B', 'B', 'B', 'C', 'D', ''];
const TAGS = ['', '风险预警', '食品经营', '风险预警；食品经营', '特种设备'];

/** A small deterministic PRNG (mulberry32): bench data only. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The USCC of bench row n. */
export function benchUscc(n: number): string {
  let code = '';
  let v = n;
  for (let i = 0; i < 7; i++) {
    code = `${USCC_CHARSET.charAt(v % 31)}${code}`;
    v = Math.floor(v / 31);
  }
  return completeUscc(`91500112MA${code}`) ?? '';
}

/** Template cells of bench rows [from, from + count). */
export function* benchRows(from: number, count: number, seed = 1): Generator<string[]> {
  const rnd = prng(seed + from);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] ?? xs[0] ?? (undefined as never);
  for (let n = from; n < from + count; n++) {
    const name = `${pick(PREFIXES)}${pick(WORDS)}${pick(WORDS)}${pick(WORDS)}${pick(SUFFIXES)}${n}`;
    yield [
      benchUscc(n),
      '',
      name,
      '企业',
      pick(DIVISIONS),
      `${pick(PREFIXES)}示例路${n % 1000}号`,
      pick(INDUSTRIES),
      '王五',
      '在营',
      '',
      pick(TIERS),
      pick(TAGS),
    ];
  }
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buf = '';
  for (const l of lines) {
    buf += l;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) {
        await once(out, 'drain');
      }
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

/** Write the template CSV (what users import). */
export async function writeTemplateCsv(
  path: string,
  header: readonly string[],
  from: number,
  count: number,
): Promise<void> {
  await writeLines(
    path,
    (function* () {
      yield csvLine(header);
      for (const r of benchRows(from, count)) {
        yield csvLine(r);
      }
    })(),
  );
}

function copyCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Columns of the `\copy` CSV, in order. */
export const COPY_COLUMNS =
  'id, uscc, type, name, division_code, address, industry_code, legal_rep, status, supervising_unit, risk_tier, tags';

/** Write the same rows as a CSV for `psql \copy targets(COPY_COLUMNS)`. */
export async function writeCopyCsv(path: string, from: number, count: number): Promise<void> {
  await writeLines(
    path,
    (function* () {
      for (const r of benchRows(from, count)) {
        const [
          u = '',
          ,
          name = '',
          type = '',
          div = '',
          addr = '',
          ind = '',
          rep = '',
          status = '',
          ,
          tier = '',
          tags = '',
        ] = r;
        const arr = `{${
          tags === ''
            ? ''
            : tags
                .split('；')
                .map((t) => `"${t}"`)
                .join(',')
        }}`;
        yield `${[u, u, type, name, div, addr, ind, rep, status, '', tier, arr].map(copyCell).join(',')}\n`;
      }
    })(),
  );
}

/** Write bench rows as an xlsx workbook (streaming writer). */
export async function writeXlsx(
  path: string,
  header: readonly string[],
  from: number,
  count: number,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('检查对象');
  ws.addRow([...header]).commit();
  for (const r of benchRows(from, count)) {
    ws.addRow(r).commit();
  }
  ws.commit();
  await wb.commit();
}
