/**
 * Organisation administration (组织机构, issue 11): add a region from GB/T 2260, rename a
 * department, and create or rename the supervising units (市场监管所) of a department.
 * A system admin manages everything; a department admin manages the units of its own department.
 */
import { domainError, err, lookupDivision, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import { canWriteDepartment, forbiddenDepartment, type AuditContext } from './auth/actor';
import {
  findDepartment,
  findUnit,
  insertRegions,
  insertUnits,
  listRegions,
  updateDepartment,
  updateUnit,
} from './org.repo';
import { inTransaction } from '../../db/tx';
import { audit } from './audit.service';
import type { ServiceDeps } from './context';

type Ctx = AuditContext & { readonly actor: NonNullable<AuditContext['actor']> };

function notFound(zh: string, en: string): DomainError {
  return domainError('NOT_FOUND', zh, en);
}

export const newRegionSchema = z.object({ code: z.string().regex(/^\d{6}$/, '6 digits (GB/T 2260)') });

/** Add a region of GB/T 2260 to this deployment (its parents too), system admin. */
export async function addRegion(
  deps: ServiceDeps,
  ctx: Ctx,
  input: z.infer<typeof newRegionSchema>,
): Promise<Result<{ code: string; name: string; fullName: string; level: string }, DomainError>> {
  const division = lookupDivision(input.code);
  if (division === undefined) {
    return err(
      domainError(
        'VALIDATION',
        `行政区划代码不在 GB/T 2260 中：${input.code}`,
        `division code not in GB/T 2260: ${input.code}`,
        {
          issues: [
            {
              field: 'code',
              value: input.code,
              messageZh: '行政区划代码不存在',
              messageEn: 'unknown division code',
            },
          ],
        },
      ),
    );
  }
  const db = deps.database.db;
  const existing = new Set((await listRegions(db)).map((r) => r.code));
  if (existing.has(division.code)) {
    return err(
      domainError('CONFLICT', `行政区划已存在：${division.fullName}`, `region exists: ${division.code}`),
    );
  }
  // the parents first, so a district always hangs below its city and province
  const chain: { code: string; name: string; fullName: string; level: string; parentCode: string | null }[] =
    [];
  for (let d: typeof division | undefined = division; d !== undefined;) {
    if (!existing.has(d.code)) {
      chain.unshift({
        code: d.code,
        name: d.name,
        fullName: d.fullName,
        level: d.level,
        parentCode: d.parentCode,
      });
    }
    d = d.parentCode === null ? undefined : lookupDivision(d.parentCode);
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await insertRegions(tx, chain);
    for (const r of chain) {
      await audit(
        tx,
        ctx,
        { action: 'region.created', entityType: 'region', entityId: r.code, after: r },
        now,
      );
    }
    return ok({
      code: division.code,
      name: division.name,
      fullName: division.fullName,
      level: division.level,
    });
  });
}

export const departmentPatchSchema = z.object({
  name: z.string().trim().min(2).max(60).optional(),
  shortName: z.string().trim().min(1).max(20).optional(),
});

/** Rename a department (system admin); its code, which carries the region, never changes. */
export async function patchDepartment(
  deps: ServiceDeps,
  ctx: Ctx,
  code: string,
  patch: z.infer<typeof departmentPatchSchema>,
): Promise<Result<{ code: string; name: string; shortName: string; regionCode: string }, DomainError>> {
  const db = deps.database.db;
  const before = await findDepartment(db, code);
  if (before === undefined) {
    return err(notFound(`部门不存在：${code}`, `no such department: ${code}`));
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    const after = await updateDepartment(tx, code, patch);
    if (after === undefined) {
      return err(notFound(`部门不存在：${code}`, `no such department: ${code}`));
    }
    const view = { code, name: after.name, shortName: after.shortName, regionCode: after.regionCode };
    await audit(
      tx,
      ctx,
      {
        action: 'department.updated',
        entityType: 'department',
        entityId: code,
        departmentCode: code,
        before: { name: before.name, shortName: before.shortName },
        after: view,
      },
      now,
    );
    return ok(view);
  });
}

export const newUnitSchema = z.object({
  code: z
    .string()
    .regex(
      /^\d{6}-[A-Z0-9]{2,12}-[A-Z0-9]{1,12}$/,
      'department code + "-" + unit code, e.g. 500112-SCJG-S09',
    ),
  name: z.string().trim().min(2).max(60),
  departmentCode: z.string().min(1).max(40),
});

/** Create a supervising unit (所) in a department. */
export async function createUnit(
  deps: ServiceDeps,
  ctx: Ctx,
  input: z.infer<typeof newUnitSchema>,
): Promise<Result<z.infer<typeof newUnitSchema>, DomainError>> {
  if (!canWriteDepartment(ctx.actor, input.departmentCode)) {
    return err(forbiddenDepartment(input.departmentCode));
  }
  if (!input.code.startsWith(`${input.departmentCode}-`)) {
    return err(
      domainError(
        'VALIDATION',
        '单位编码须以所属部门编码开头',
        'the unit code must start with its department code',
        {
          issues: [
            {
              field: 'code',
              value: input.code,
              messageZh: `须以 ${input.departmentCode}- 开头`,
              messageEn: `must start with ${input.departmentCode}-`,
            },
          ],
        },
      ),
    );
  }
  const db = deps.database.db;
  if ((await findDepartment(db, input.departmentCode)) === undefined) {
    return err(
      domainError(
        'VALIDATION',
        `部门不存在：${input.departmentCode}`,
        `unknown department ${input.departmentCode}`,
      ),
    );
  }
  if ((await findUnit(db, input.code)) !== undefined) {
    return err(domainError('CONFLICT', `单位编码已存在：${input.code}`, `unit code exists: ${input.code}`));
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await insertUnits(tx, [input]);
    await audit(
      tx,
      ctx,
      {
        action: 'unit.created',
        entityType: 'unit',
        entityId: input.code,
        departmentCode: input.departmentCode,
        after: input,
      },
      now,
    );
    return ok(input);
  });
}

export const unitPatchSchema = z.object({ name: z.string().trim().min(2).max(60) });

/** Rename a supervising unit. */
export async function patchUnit(
  deps: ServiceDeps,
  ctx: Ctx,
  code: string,
  patch: z.infer<typeof unitPatchSchema>,
): Promise<Result<{ code: string; name: string; departmentCode: string }, DomainError>> {
  const db = deps.database.db;
  const before = await findUnit(db, code);
  if (before === undefined) {
    return err(notFound(`单位不存在：${code}`, `no such unit: ${code}`));
  }
  if (!canWriteDepartment(ctx.actor, before.departmentCode)) {
    return err(forbiddenDepartment(before.departmentCode));
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    const after = await updateUnit(tx, code, patch.name);
    if (after === undefined) {
      return err(notFound(`单位不存在：${code}`, `no such unit: ${code}`));
    }
    await audit(
      tx,
      ctx,
      {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: code,
        departmentCode: after.departmentCode,
        before: { name: before.name },
        after,
      },
      now,
    );
    return ok(after);
  });
}
