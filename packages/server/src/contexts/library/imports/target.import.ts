/**
 * The target library's import (检查对象名录库): the template's columns, row validation
 * through core's validateTarget, the keeper check of the policy (issue 10: only the library
 * keeper of a row's region, old and new, may write it), and the set-based upsert.
 */
import {
  allows,
  fieldIssue,
  validateTarget,
  type FieldIssue,
  type TargetInput,
  type TargetRaw,
  chinaDate,
} from '@openssj/core';
import { targetDivisions } from '../target.repo';
import { openTargetStage, upsertTargets, type UpsertMeta } from '../target-write.repo';
import type { HeaderSpec, ImportContext, ImportSpec } from '../../platform';

/** The template's columns, in template order (issue 3). */
export const TARGET_HEADERS: readonly HeaderSpec[] = [
  {
    key: 'uscc',
    zh: '统一社会信用代码',
    en: 'USCC',
    required: false,
    aliases: ['信用代码', '社会信用代码', '统一代码'],
    example: '91500112MA5U7XX47L',
  },
  { key: 'code', zh: '对象编码', en: 'Target code', required: false, aliases: ['编码'], example: '' },
  {
    key: 'name',
    zh: '名称',
    en: 'Name',
    required: true,
    aliases: ['对象名称', '企业名称', '主体名称'],
    example: '重庆示例商贸有限公司',
  },
  { key: 'type', zh: '对象类型', en: 'Type', required: true, aliases: ['类型', '主体类型'], example: '企业' },
  {
    key: 'divisionCode',
    zh: '行政区划代码',
    en: 'Division code',
    required: true,
    aliases: ['区划代码', '行政区划'],
    example: '500112',
  },
  {
    key: 'address',
    zh: '地址',
    en: 'Address',
    required: false,
    aliases: ['住所', '经营场所', '住所（经营场所）'],
    example: '重庆市渝北区示例路 1 号',
  },
  {
    key: 'industryCode',
    zh: '行业代码',
    en: 'Industry code',
    required: false,
    aliases: ['国民经济行业代码', '行业'],
    example: 'F5211',
  },
  {
    key: 'legalRep',
    zh: '法定代表人',
    en: 'Legal representative',
    required: false,
    aliases: ['法定代表人（负责人）', '负责人', '经营者'],
    example: '张三',
  },
  {
    key: 'status',
    zh: '登记状态',
    en: 'Status',
    required: false,
    aliases: ['状态', '经营状态'],
    example: '在营',
  },
  {
    key: 'supervisingUnit',
    zh: '监管单位',
    en: 'Supervising unit',
    required: false,
    aliases: ['管辖单位', '登记机关'],
    example: '两路市场监管所',
  },
  {
    key: 'riskTier',
    zh: '信用风险等级',
    en: 'Risk tier',
    required: false,
    aliases: ['风险等级', '信用风险分类', '信用等级'],
    example: 'B',
  },
  { key: 'tags', zh: '标签', en: 'Tags', required: false, aliases: ['标记'], example: '风险预警；食品经营' },
];

function text(raw: Readonly<Record<string, string>>, key: keyof TargetRaw): string {
  return raw[key] ?? '';
}

function upsertMeta(ctx: ImportContext): UpsertMeta {
  return {
    date: chinaDate(ctx.now),
    by: ctx.audit.actor?.username ?? 'cli',
    at: ctx.now,
    tierSource: '批量导入',
  };
}

/** The target import: headers, validation, and rows staged by COPY and merged once (issue 18). */
export const targetImportSpec: ImportSpec<TargetInput> = {
  kind: 'targets',
  headers: TARGET_HEADERS,
  parseRow(raw, rowNumber) {
    return validateTarget(
      {
        uscc: text(raw, 'uscc'),
        code: text(raw, 'code'),
        name: text(raw, 'name'),
        type: text(raw, 'type'),
        divisionCode: text(raw, 'divisionCode'),
        address: text(raw, 'address'),
        industryCode: text(raw, 'industryCode'),
        legalRep: text(raw, 'legalRep'),
        status: text(raw, 'status'),
        supervisingUnit: text(raw, 'supervisingUnit'),
        riskTier: text(raw, 'riskTier'),
        tags: text(raw, 'tags'),
      },
      rowNumber,
    );
  },
  keyOf: (row) => row.id,
  async checkBatch(db, rows, ctx) {
    const actor = ctx.audit.actor;
    if (actor === null) {
      return []; // the CLI runs as the operator of the database
    }
    const current = await targetDivisions(
      db,
      rows.map((r) => r.row.id),
    );
    const issues: FieldIssue[] = [];
    for (const { row, rowNumber } of rows) {
      const was = current.get(row.id);
      for (const division of was === undefined ? [row.divisionCode] : [was, row.divisionCode]) {
        if (!allows(actor, 'target.write', { kind: 'target', divisionCode: division })) {
          issues.push(
            fieldIssue(
              { field: 'divisionCode', row: rowNumber },
              division,
              `无权写入辖区 ${division} 的检查对象：仅所在地市场监管部门管理员或系统管理员可维护`,
              `you may not write targets of ${division}: only its market-regulation admin or a system admin may`,
            ),
          );
          break;
        }
      }
    }
    return issues;
  },
  staged: { open: (tx, ctx) => openTargetStage(tx, upsertMeta(ctx)) },
  upsert: (tx, rows, ctx) => upsertTargets(tx, rows, upsertMeta(ctx)),
};
