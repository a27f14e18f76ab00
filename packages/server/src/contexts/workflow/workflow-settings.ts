/**
 * Workflow settings per region (settings table; the nearest region up the chain wins, then
 * `global`): the yearly cap of random inspections per target (spec §4, default 2) and the
 * adjacent regions whose inspectors form the fallback pool (spec §5, default none).
 */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findDepartment, listRegions, getSettings } from '../platform';

export const YEARLY_CAP_SETTING = 'yearlyInspectionCap';
export const ADJACENT_REGIONS_SETTING = 'adjacentRegions';
/** 001: a business is randomly inspected at most twice a calendar year, all departments together. */
export const DEFAULT_YEARLY_CAP = 2;

async function chainOf(db: Db, departmentCode: string): Promise<string[]> {
  const dept = await findDepartment(db, departmentCode);
  const regions = await listRegions(db);
  const parent = new Map(regions.map((r) => [r.code, r.parentCode]));
  const chain: string[] = [];
  for (
    let c: string | null | undefined = dept?.regionCode;
    c !== null && c !== undefined && !chain.includes(c);
    c = parent.get(c)
  ) {
    chain.push(c);
  }
  return [...chain, 'global'];
}

async function nearest<T>(
  db: Db,
  departmentCode: string,
  key: string,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  const chain = await chainOf(db, departmentCode);
  const values = await getSettings(db, key, chain);
  for (const scope of chain) {
    const parsed = schema.safeParse(values.get(scope));
    if (parsed.success) {
      return parsed.data;
    }
  }
  return undefined;
}

/** The yearly cap that applies to a department's tasks. */
export async function yearlyCap(db: Db, departmentCode: string): Promise<number> {
  return (
    (await nearest(db, departmentCode, YEARLY_CAP_SETTING, z.int().min(1).max(50))) ?? DEFAULT_YEARLY_CAP
  );
}

/** The adjacent regions configured for a department's region (fallback pool). */
export async function adjacentRegions(db: Db, departmentCode: string): Promise<string[]> {
  return (
    (await nearest(
      db,
      departmentCode,
      ADJACENT_REGIONS_SETTING,
      z.array(z.string().regex(/^\d{6}$/)).max(50),
    )) ?? []
  );
}
