/**
 * The item list's import (随机抽查事项清单): the template's columns, row validation with core's
 * item rules, and the upsert by department + item code — a changed row becomes a new version,
 * an unchanged one stays; a blank cap on a general item takes the region's default.
 */
import {
  checkLength,
  chinaDay,
  DEPARTMENT_CODE,
  extractLegalRefs,
  fieldIssue,
  formatRatioPercent,
  INSPECTION_METHOD_LABELS,
  ITEM_CODE,
  ITEM_LIMITS,
  ITEM_PRIORITY_LABELS,
  isTargetType,
  normalizeRatioCap,
  parseMethod,
  parsePriority,
  splitList,
  validateItemContent,
  type FieldIssue,
  type InspectionMethod,
  type ItemContent,
  type ItemPriority,
  type TargetType,
} from '@openssj/core';
import { canWriteDepartment, listDepartments, audit, type HeaderSpec, type ImportSpec } from '../../platform';
import { findItemsByCodes, insertItems, insertItemVersions } from '../item.repo';
import { contentOf, sameContent, type ItemSummary } from '../item-view';
import { defaultRatioCaps, itemVersionRow, writeVersion } from '../item.service';

/** The template's columns, in template order (issue 3). */
export const ITEM_HEADERS: readonly HeaderSpec[] = [
  {
    key: 'departmentCode',
    zh: '部门',
    en: 'Department',
    required: true,
    aliases: ['部门编码', '实施部门', '部门代码'],
    example: '500112-SCJG',
  },
  {
    key: 'code',
    zh: '事项编码',
    en: 'Item code',
    required: true,
    aliases: ['编码', '抽查事项编码'],
    example: '500112-SCJG-SX001',
  },
  {
    key: 'name',
    zh: '事项名称',
    en: 'Item name',
    required: true,
    aliases: ['名称', '抽查事项', '抽查事项名称'],
    example: '营业执照（登记证）规范使用情况的检查',
  },
  {
    key: 'priority',
    zh: '事项类别',
    en: 'Priority',
    required: true,
    aliases: ['类别', '事项类型', '抽查类别'],
    example: '一般',
  },
  {
    key: 'ratioCap',
    zh: '抽查比例上限',
    en: 'Ratio cap',
    required: false,
    aliases: ['抽查比例', '比例上限'],
    example: '10%',
  },
  {
    key: 'method',
    zh: '检查方式',
    en: 'Method',
    required: true,
    aliases: ['抽查方式', '方式'],
    example: '实地核查',
  },
  {
    key: 'legalBasis',
    zh: '法律依据',
    en: 'Legal basis',
    required: true,
    aliases: ['依据', '检查依据', '抽查依据'],
    example: '《企业信息公示暂行条例》第十四条',
  },
  {
    key: 'targetTypes',
    zh: '对象类型',
    en: 'Target types',
    required: false,
    aliases: ['检查对象', '抽查对象', '对象'],
    example: '企业、个体工商户',
  },
];

/** One parsed row of the item template. */
export interface ItemImportRow {
  readonly departmentCode: string;
  readonly code: string;
  readonly name: string;
  readonly priority: ItemPriority;
  /** Canonical; null when blank (general items then take the default) or for key items. */
  readonly ratioCap: string | null;
  readonly method: InspectionMethod;
  readonly legalBasis: string;
  readonly targetTypes: readonly TargetType[];
}

const cell = (raw: Readonly<Record<string, string>>, key: string): string => (raw[key] ?? '').trim();

function parseItemRow(
  raw: Readonly<Record<string, string>>,
  row: number,
): { row?: ItemImportRow; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const at = (field: string) => ({ field, row });
  const need = <T>(r: { ok: true; value: T } | { ok: false; error: FieldIssue }): T | undefined => {
    if (r.ok) {
      return r.value;
    }
    issues.push(r.error);
    return undefined;
  };
  const departmentCode = cell(raw, 'departmentCode');
  if (!DEPARTMENT_CODE.test(departmentCode)) {
    issues.push(
      fieldIssue(
        at('departmentCode'),
        departmentCode,
        '部门编码应为 行政区划代码-部门简码，如 500112-SCJG',
        'department code must look like 500112-SCJG',
      ),
    );
  }
  const code = need(checkLength(cell(raw, 'code'), at('code'), ITEM_LIMITS.code, 1));
  if (code !== undefined && !ITEM_CODE.test(code)) {
    issues.push(fieldIssue(at('code'), code, '事项编码不能含空格', 'item codes have no spaces'));
  }
  const name = need(checkLength(cell(raw, 'name'), at('name'), ITEM_LIMITS.name, 1));
  const legalBasis = need(checkLength(cell(raw, 'legalBasis'), at('legalBasis'), ITEM_LIMITS.legalBasis, 1));
  const priority = need(parsePriority(cell(raw, 'priority'), at('priority')));
  const method = need(parseMethod(cell(raw, 'method'), at('method')));
  const capText = cell(raw, 'ratioCap');
  let ratioCap: string | null = null;
  if (capText !== '') {
    if (priority === 'key') {
      issues.push(
        fieldIssue(
          at('ratioCap'),
          capText,
          '重点事项不设抽查比例上限，请留空',
          'key items have no ratio cap: leave it blank',
        ),
      );
    } else {
      ratioCap = need(normalizeRatioCap(capText, at('ratioCap'))) ?? null;
    }
  }
  const targetTypes: TargetType[] = [];
  for (const t of splitList(cell(raw, 'targetTypes'))) {
    if (isTargetType(t)) {
      targetTypes.push(t);
    } else {
      issues.push(
        fieldIssue(
          at('targetTypes'),
          t,
          `对象类型「${t}」无效，应为 企业、个体工商户、农民专业合作社、其他组织、产品、项目、行为`,
          `unknown target type '${t}'`,
        ),
      );
    }
  }
  if (
    issues.length > 0 ||
    code === undefined ||
    name === undefined ||
    legalBasis === undefined ||
    priority === undefined ||
    method === undefined
  ) {
    return { issues };
  }
  return { row: { departmentCode, code, name, priority, ratioCap, method, legalBasis, targetTypes }, issues };
}

/** The cells of one item in template order (export). */
export function itemCells(i: ItemSummary): string[] {
  return [
    i.departmentCode,
    i.code,
    i.name,
    ITEM_PRIORITY_LABELS[i.priority].zh,
    i.ratioCap === null ? '' : formatRatioPercent(i.ratioCap),
    INSPECTION_METHOD_LABELS[i.method].zh,
    i.legalBasis,
    i.targetTypes.join('、'),
  ];
}

const keyOf = (r: { departmentCode: string; code: string }): string => `${r.departmentCode}|${r.code}`;

/** The item import: headers, validation and versioned upsert. */
export const itemImportSpec: ImportSpec<ItemImportRow> = {
  kind: 'items',
  headers: ITEM_HEADERS,
  parseRow(raw, rowNumber) {
    const r = parseItemRow(raw, rowNumber);
    return r.row === undefined ? { ok: false, error: r.issues } : { ok: true, value: r.row };
  },
  keyOf,
  async checkBatch(db, rows, ctx) {
    const known = new Set((await listDepartments(db)).map((d) => d.code));
    const actor = ctx.audit.actor;
    const issues: FieldIssue[] = [];
    for (const { row, rowNumber } of rows) {
      const at = { field: 'departmentCode', row: rowNumber };
      if (!known.has(row.departmentCode)) {
        issues.push(
          fieldIssue(
            at,
            row.departmentCode,
            `部门 ${row.departmentCode} 不存在`,
            `unknown department ${row.departmentCode}`,
          ),
        );
      } else if (actor !== null && !canWriteDepartment(actor, row.departmentCode)) {
        issues.push(
          fieldIssue(
            at,
            row.departmentCode,
            '无权导入其他部门的抽查事项',
            "you may not import another department's items",
          ),
        );
      }
    }
    return issues;
  },
  async upsert(tx, rows, ctx) {
    const existing = await findItemsByCodes(tx, rows);
    const caps = await defaultRatioCaps(tx, [...new Set(rows.map((r) => r.departmentCode))]);
    const today = chinaDay(ctx.now);
    const by = ctx.audit.actor?.username ?? 'cli';
    const contentFor = (r: ItemImportRow, cur: ItemContent | undefined): ItemContent => {
      const v = validateItemContent(
        {
          name: r.name,
          priority: r.priority,
          ratioCap: r.ratioCap ?? (r.priority === 'general' ? (cur?.ratioCap ?? null) : null),
          legalBasis: r.legalBasis,
          legalRefs: extractLegalRefs(r.legalBasis),
          method: r.method,
          targetTypes: [...r.targetTypes],
          industries: [...(cur?.industries ?? [])],
          ...(cur !== undefined ? { guideline: cur.guideline } : {}),
        },
        { defaultRatioCap: caps.get(r.departmentCode)?.cap ?? '0.1' },
      );
      if (!v.ok) {
        throw new Error(`bug: a parsed item row failed the item rules: ${v.error[0]?.messageEn ?? ''}`);
      }
      return v.value;
    };
    const fresh = rows.filter((r) => !existing.has(keyOf(r)));
    const ids = await insertItems(
      tx,
      fresh.map((r) => ({ departmentCode: r.departmentCode, code: r.code, at: ctx.now })),
    );
    await insertItemVersions(
      tx,
      fresh.map((r) =>
        itemVersionRow(ids.get(keyOf(r)) ?? '', 1, today, contentFor(r, undefined), {
          changeNote: '批量导入',
          createdBy: by,
          at: ctx.now,
        }),
      ),
    );
    const updated: string[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const cur = existing.get(keyOf(r));
      if (cur === undefined) {
        continue;
      }
      const before = contentOf(cur.version);
      const next = contentFor(r, before);
      if (sameContent(next, before)) {
        unchanged += 1;
        continue;
      }
      const effectiveFrom = cur.version.effectiveFrom > today ? cur.version.effectiveFrom : today;
      const version = await writeVersion(tx, cur, next, {
        effectiveFrom,
        changeNote: '批量导入更新',
        createdBy: by,
        at: ctx.now,
      });
      updated.push(`${keyOf(r)}@${version}`);
    }
    if (fresh.length + updated.length > 0) {
      await audit(
        tx,
        ctx.audit,
        {
          action: 'item.imported',
          entityType: 'inspection_item',
          entityId: null,
          after: { added: fresh.map(keyOf), updated },
        },
        ctx.now,
      );
    }
    return { added: fresh.length, updated: updated.length, unchanged };
  },
};
