/**
 * The inspector library's import (执法检查人员名录库): the template's columns, row validation
 * with core's inspector rules, and the upsert by badge number. Experts have no badge: their
 * 执法证号 cell is blank (a new expert, or the one of that name in the department) or holds
 * their library id (EXP-0001), which is what the export writes there.
 */
import {
  checkLength,
  chinaDay,
  EXPERT_ID,
  fieldIssue,
  INSPECTOR_LIMITS,
  nextExpertId,
  pairQualifications,
  parseDateCell,
  parseIntCell,
  parseYesNo,
  splitList,
  validateInspector,
  type FieldIssue,
  type InspectorData,
} from '@openssj/core';
import { canWriteDepartment, listDepartments, listUnits, audit, type ImportSpec } from '../../platform';
import {
  findExpertsByName,
  findInspectorsByIds,
  insertInspectors,
  listExpertIds,
  updateInspector,
  type InspectorRow,
} from '../inspector.repo';
import { inspectorView, type InspectorView } from '../inspector-view';
import { inspectorRow } from '../inspector.service';
import { stableJson } from '../item-view';
import { INSPECTOR_HEADERS } from './inspector-headers';

/** One parsed row: the record, the unit as written (code or name), and an expert's library id if given. */
export interface InspectorImportRow {
  readonly data: InspectorData;
  readonly unit: string;
  readonly expertId: string | null;
}

const cell = (raw: Readonly<Record<string, string>>, key: string): string => (raw[key] ?? '').trim();

/** The row's id for duplicates and upsert: badge, expert id, or 专家:department:name. */
export function inspectorKey(r: InspectorImportRow): string {
  return r.data.badgeNo ?? r.expertId ?? `专家:${r.data.departmentCode}:${r.data.name}`;
}

function parseInspectorRow(
  raw: Readonly<Record<string, string>>,
  row: number,
): { row?: InspectorImportRow; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const at = (field: string) => ({ field, row });
  const expertR = parseYesNo(cell(raw, 'expert'), at('expert'));
  if (!expertR.ok) {
    issues.push(expertR.error);
  }
  const expert = expertR.ok && expertR.value;
  const badgeCell = cell(raw, 'badgeNo');
  const expertId = expert && EXPERT_ID.test(badgeCell) ? badgeCell : null;
  const expiries: string[] = [];
  for (const d of splitList(cell(raw, 'qualificationExpiry'))) {
    const r = parseDateCell(d, at('qualificationExpiry'));
    if (r.ok) {
      expiries.push(r.value);
    } else {
      issues.push(r.error);
    }
  }
  const types = splitList(cell(raw, 'qualifications'));
  for (const t of types) {
    const r = checkLength(t, at('qualifications'), INSPECTOR_LIMITS.qualification);
    if (!r.ok) {
      issues.push(r.error);
    }
  }
  const quals = issues.some((i) => i.field === 'qualificationExpiry')
    ? null
    : pairQualifications(types, expiries, at('qualificationExpiry'));
  if (quals !== null && !quals.ok) {
    issues.push(quals.error);
  }
  const specialties = splitList(cell(raw, 'specialties'));
  for (const s of specialties) {
    const r = checkLength(s, at('specialties'), INSPECTOR_LIMITS.specialty);
    if (!r.ok) {
      issues.push(r.error);
    }
  }
  let capacity: number | null = null;
  if (cell(raw, 'capacity') !== '') {
    const r = parseIntCell(cell(raw, 'capacity'), at('capacity'), 1, INSPECTOR_LIMITS.capacity);
    if (r.ok) {
      capacity = r.value;
    } else {
      issues.push(r.error);
    }
  }
  const name = checkLength(cell(raw, 'name'), at('name'), INSPECTOR_LIMITS.name, 1);
  if (!name.ok) {
    issues.push(name.error);
  }
  const departmentCode = cell(raw, 'departmentCode');
  if (!/^\d{6}-[A-Z0-9]{2,12}$/.test(departmentCode)) {
    issues.push(
      fieldIssue(
        at('departmentCode'),
        departmentCode,
        '部门编码应为 行政区划代码-部门简码，如 500112-SCJG',
        'department code must look like 500112-SCJG',
      ),
    );
  }
  const unit = cell(raw, 'unitCode');
  const unitLen = checkLength(unit, at('unitCode'), INSPECTOR_LIMITS.unitCode);
  if (!unitLen.ok) {
    issues.push(unitLen.error);
  }
  const v = validateInspector(
    {
      badgeNo: expertId !== null ? null : badgeCell,
      name: cell(raw, 'name') || '-',
      departmentCode,
      regionCode: cell(raw, 'regionCode'),
      qualifications: quals?.ok === true ? quals.value : [],
      specialties,
      expert,
      capacity,
    },
    row,
  );
  if (!v.ok) {
    issues.push(...v.error);
  }
  if (issues.length > 0 || !v.ok) {
    return { issues };
  }
  return { row: { data: v.value, unit, expertId }, issues };
}

/** The cells of one inspector in template order (export): experts show their library id as 执法证号. */
export function inspectorCells(i: InspectorView): string[] {
  return [
    i.badgeNo ?? i.id,
    i.name,
    i.departmentCode,
    i.unitCode ?? '',
    i.regionCode,
    i.qualifications.map((q) => q.type).join('、'),
    i.qualifications.map((q) => q.expiresOn).join('、'),
    i.specialties.join('、'),
    i.expert ? '是' : '否',
    i.capacity === null ? '' : String(i.capacity),
  ];
}

/** The unit code a cell names in a department: a unit's code or its name. */
async function unitResolver(
  db: Parameters<typeof listUnits>[0],
): Promise<(dept: string, unit: string) => string | null | undefined> {
  const units = await listUnits(db);
  return (dept, unit) =>
    unit === ''
      ? null
      : units.find((u) => u.departmentCode === dept && (u.code === unit || u.name === unit))?.code;
}

// The fields an import sets; the rest (active, dates) stay as they are on re-import.
function imported(d: InspectorData | InspectorView) {
  return {
    badgeNo: d.badgeNo,
    name: d.name,
    departmentCode: d.departmentCode,
    unitCode: d.unitCode,
    regionCode: d.regionCode,
    qualifications: d.qualifications,
    specialties: d.specialties,
    expert: d.expert,
    capacity: d.capacity,
  };
}

/** The inspector import: headers, validation and upsert. */
export const inspectorImportSpec: ImportSpec<InspectorImportRow> = {
  kind: 'inspectors',
  headers: INSPECTOR_HEADERS,
  parseRow(raw, rowNumber) {
    const r = parseInspectorRow(raw, rowNumber);
    return r.row === undefined ? { ok: false, error: r.issues } : { ok: true, value: r.row };
  },
  keyOf: inspectorKey,
  async checkBatch(db, rows, ctx) {
    const known = new Set((await listDepartments(db)).map((d) => d.code));
    const unitOf = await unitResolver(db);
    const ids = rows
      .map(({ row }) => row.data.badgeNo ?? row.expertId)
      .filter((x): x is string => x !== null);
    const existing = await findInspectorsByIds(db, ids);
    const actor = ctx.audit.actor;
    const issues: FieldIssue[] = [];
    for (const { row, rowNumber } of rows) {
      const d = row.data;
      const at = (field: string) => ({ field, row: rowNumber });
      if (!known.has(d.departmentCode)) {
        issues.push(
          fieldIssue(
            at('departmentCode'),
            d.departmentCode,
            `部门 ${d.departmentCode} 不存在`,
            `unknown department ${d.departmentCode}`,
          ),
        );
        continue;
      }
      if (actor !== null && !canWriteDepartment(actor, d.departmentCode)) {
        issues.push(
          fieldIssue(
            at('departmentCode'),
            d.departmentCode,
            '无权导入其他部门的检查人员',
            "you may not import another department's inspectors",
          ),
        );
      }
      if (unitOf(d.departmentCode, row.unit) === undefined) {
        issues.push(
          fieldIssue(
            at('unitCode'),
            row.unit,
            `所属单位「${row.unit}」不是部门 ${d.departmentCode} 的单位`,
            `unit '${row.unit}' is not a unit of ${d.departmentCode}`,
          ),
        );
      }
      const id = d.badgeNo ?? row.expertId;
      const cur = id === null ? undefined : existing.get(id);
      if (row.expertId !== null && (cur === undefined || !cur.expert)) {
        issues.push(
          fieldIssue(
            at('badgeNo'),
            row.expertId,
            `专家编号 ${row.expertId} 不存在；新专家请留空`,
            `no expert ${row.expertId}: leave it blank for a new expert`,
          ),
        );
      } else if (cur !== undefined && cur.departmentCode !== d.departmentCode) {
        issues.push(
          fieldIssue(
            at('badgeNo'),
            id ?? '',
            `该人员属于部门 ${cur.departmentCode}，不能导入到 ${d.departmentCode}`,
            `this inspector belongs to ${cur.departmentCode}, not ${d.departmentCode}`,
          ),
        );
      } else if (cur !== undefined && cur.expert !== d.expert) {
        issues.push(
          fieldIssue(
            at('expert'),
            d.expert ? '是' : '否',
            '不能通过导入更改专家标记',
            'the expert flag cannot change by import',
          ),
        );
      }
    }
    return issues;
  },
  async upsert(tx, rows, ctx) {
    const unitOf = await unitResolver(tx);
    const existing = await findInspectorsByIds(
      tx,
      rows.map((r) => r.data.badgeNo ?? r.expertId).filter((x): x is string => x !== null),
    );
    const byName = new Map<string, InspectorRow>();
    for (const dept of new Set(
      rows.filter((r) => r.data.expert && r.expertId === null).map((r) => r.data.departmentCode),
    )) {
      const names = rows
        .filter((r) => r.data.expert && r.expertId === null && r.data.departmentCode === dept)
        .map((r) => r.data.name);
      for (const e of await findExpertsByName(tx, dept, names)) {
        byName.set(`专家:${dept}:${e.name}`, e);
      }
    }
    const expertIds = await listExpertIds(tx);
    const today = chinaDay(ctx.now);
    const fresh: ReturnType<typeof inspectorRow>[] = [];
    const updated: string[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const data: InspectorData = { ...r.data, unitCode: unitOf(r.data.departmentCode, r.unit) ?? null };
      const cur = existing.get(r.data.badgeNo ?? r.expertId ?? '') ?? byName.get(inspectorKey(r));
      if (cur === undefined) {
        const id = data.badgeNo ?? nextExpertId(expertIds);
        expertIds.push(id);
        fresh.push(inspectorRow(id, { ...data, activeFrom: today }, ctx.now));
        continue;
      }
      const before = inspectorView(cur, today);
      if (stableJson(imported(data)) === stableJson(imported(before))) {
        unchanged += 1;
        continue;
      }
      await updateInspector(tx, cur.id, {
        ...imported(data),
        qualifications: [...data.qualifications],
        specialties: [...data.specialties],
        updatedAt: ctx.now,
      });
      updated.push(cur.id);
    }
    await insertInspectors(tx, fresh);
    if (fresh.length + updated.length > 0) {
      await audit(
        tx,
        ctx.audit,
        {
          action: 'inspector.imported',
          entityType: 'inspector',
          entityId: null,
          after: { added: fresh.map((f) => f.id), updated },
        },
        ctx.now,
      );
    }
    return { added: fresh.length, updated: updated.length, unchanged };
  },
};
