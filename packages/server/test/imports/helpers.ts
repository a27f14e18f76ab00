/**
 * Helpers for import tests: spreadsheet bytes from rows (CSV in UTF-8 / BOM / GBK, xlsx),
 * valid USCCs, and an import context.
 */
import { completeUscc } from '@openssj/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportContext } from '../../src/contexts/platform/sheets/import-spec';
import { csvLine } from '../../src/contexts/platform/sheets/sheet-writer';

export const TEMPLATE_HEADER = [
  '统一社会信用代码',
  '对象编码',
  '名称',
  '对象类型',
  '行政区划代码',
  '地址',
  '行业代码',
  '法定代表人',
  '登记状态',
  '监管单位',
  '信用风险等级',
  '标签',
];

/** A valid USCC numbered n (distinct for distinct n). */
export function uscc(n: number): string {
  const body = `91500112MA${n.toString().padStart(7, '0')}`;
  const c = completeUscc(body);
  if (c === undefined) {
    throw new Error(`bad uscc body ${body}`);
  }
  return c;
}

/** A valid template row for a company. */
export function companyRow(n: number, name = `重庆测试${n}号商贸有限公司`): string[] {
  return [
    uscc(n),
    '',
    name,
    '企业',
    '500112',
    `渝北区测试路${n}号`,
    'F5211',
    '张三',
    '在营',
    '两路市场监管所',
    'B',
    '食品经营；风险预警',
  ];
}

/** CSV bytes (UTF-8, optional BOM, or GBK). */
export function csvBytes(rows: readonly (readonly string[])[], enc: 'utf8' | 'bom' | 'gbk' = 'utf8'): Buffer {
  const text = rows.map((r) => csvLine(r)).join('');
  if (enc === 'gbk') {
    return iconv.encode(text, 'gbk');
  }
  return Buffer.from(enc === 'bom' ? `\uFEFF${text}` : text, 'utf8');
}

/** xlsx bytes with one sheet. */
export async function xlsxBytes(rows: readonly (readonly string[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对象');
  for (const r of rows) {
    ws.addRow([...r]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An import context of the CLI (no actor). */
export function cliContext(now = new Date('2026-11-20T02:00:00Z')): ImportContext {
  return { audit: { actor: null, requestId: null }, now };
}

/** Open xlsx bytes (exceljs wants an ArrayBuffer). */
export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}
