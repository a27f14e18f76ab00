/**
 * Writes the demo data set (generateDemo) into an empty database, in one transaction, with
 * one audit row. Runs at the first `npm start`.
 */
import { createHash } from 'node:crypto';
import { ok } from '@openssj/core';
import { hashPassword, audit } from '../contexts/platform';
import type { Database, Db } from '../db/client';
import {
  departments,
  inspectionItems,
  inspectionItemVersions,
  inspectors,
  recusals,
  regions,
  targetClaims,
  targets,
  targetStatusHistory,
  units,
  users,
} from '../db/schema';
import { inTransaction } from '../db/tx';
import { seedRiskAlerts, seedRiskFacts } from './risk.demo';
import { DEMO_ACCOUNTS } from './users.demo';
import { markDemoDatabase } from './demo-accounts';
import { generateDemo } from './generate-demo';
import type { DemoData, DemoTarget } from './demo.types';

export { DEMO_ACCOUNTS };

const CHUNK = 1000;

async function insertChunked<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await write(rows.slice(i, i + CHUNK));
  }
}

/** A stable number in [0, 1) from a string, for deterministic claim spreading. */
function unitHash(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0) / 2 ** 32;
}

/** The departments that claim a target: its district's market regulator, and others of the region by a stable hash. */
function claimsOf(t: DemoTarget, data: DemoData): string[] {
  const out: string[] = [];
  for (const d of data.departments) {
    if (d.regionCode !== t.divisionCode) {
      continue;
    }
    if (d.kind === 'SCJG' || unitHash(`${t.id}|${d.code}`) < 0.12) {
      out.push(d.code);
    }
  }
  return out;
}

/** Load the demo data set; returns a one-line summary. */
export async function seedDemo(
  database: Database,
  opts: {
    clock: () => Date;
    /** The password of every demo account (random at first start, or SSJ_DEMO_PASSWORD). */
    password: string;
    log?: (line: string) => void;
    data?: DemoData;
  },
): Promise<string> {
  const data = opts.data ?? generateDemo();
  const now = opts.clock();
  const passwordHash = await hashPassword(opts.password);
  const r = await inTransaction(database.db, async (tx: Db) => {
    await tx.insert(regions).values(
      data.regions.map((x) => ({
        code: x.code,
        name: x.name,
        fullName: x.fullName,
        level: x.level,
        parentCode: x.parentCode,
      })),
    );
    await tx.insert(departments).values(
      data.departments.map((d) => ({
        code: d.code,
        name: d.name,
        shortName: d.name.replace(/^.+?(区|县|市)/, ''),
        regionCode: d.regionCode,
      })),
    );
    await tx
      .insert(units)
      .values(data.units.map((u) => ({ code: u.code, name: u.name, departmentCode: u.departmentCode })));
    await tx.insert(users).values(
      data.users.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        departmentCode: u.departmentCode,
        roles: [...u.roles],
        passwordHash,
        inspectorBadge: u.inspectorBadge,
      })),
    );
    opts.log?.(
      `  组织与账号 / org and accounts: ${data.departments.length} departments, ${data.users.length} users`,
    );

    const itemRows = await tx
      .insert(inspectionItems)
      .values(
        data.items.map((i) => ({
          departmentCode: i.departmentCode,
          code: i.code,
          currentVersion: 1,
          published: true,
        })),
      )
      .returning({
        id: inspectionItems.id,
        code: inspectionItems.code,
        departmentCode: inspectionItems.departmentCode,
      });
    const idOf = new Map(itemRows.map((x) => [`${x.departmentCode}|${x.code}`, x.id]));
    await insertChunked(data.items, (chunk) =>
      tx.insert(inspectionItemVersions).values(
        chunk.map((i) => ({
          itemId: idOf.get(`${i.departmentCode}|${i.code}`) ?? '',
          version: 1,
          effectiveFrom: '2026-01-01',
          name: i.name,
          priority: i.priority,
          ratioCap: i.ratioCap === null ? null : String(i.ratioCap),
          legalBasis: i.legalBasis.text,
          legalRefs: [...i.legalBasis.articles],
          method: i.method,
          targetTypes: [...i.targetTypes],
          industries: [...i.industries],
          guideline: i.guideline,
          changeNote: '初始版本 / initial version',
          createdBy: 'demo',
        })),
      ),
    );
    opts.log?.(`  抽查事项 / items: ${data.items.length}`);

    await insertChunked(data.targets, (chunk) =>
      tx.insert(targets).values(
        chunk.map((t) => ({
          id: t.id,
          uscc: t.uscc,
          type: t.type,
          name: t.name,
          divisionCode: t.divisionCode,
          address: t.address,
          industryCode: t.industryCode,
          legalRep: t.legalRepresentative,
          status: t.status,
          statusDate: t.statusDate,
          supervisingUnit: t.supervisingUnitCode,
          riskTier: t.creditTier,
          tierSource: t.creditTierSource,
          tierDate: t.creditTierDate,
          tags: [...t.tags],
        })),
      ),
    );
    const history = data.targets
      .filter((t) => t.status !== '在营')
      .flatMap((t) => [
        { targetId: t.id, status: '在营', effectiveDate: t.registeredOn, recordedBy: 'demo' },
        { targetId: t.id, status: t.status, effectiveDate: t.statusDate, recordedBy: 'demo' },
      ]);
    await insertChunked(history, (chunk) => tx.insert(targetStatusHistory).values(chunk));
    const claims = data.targets.flatMap((t) =>
      claimsOf(t, data).map((d) => ({ targetId: t.id, departmentCode: d, claimedBy: 'demo' })),
    );
    await insertChunked(claims, (chunk) => tx.insert(targetClaims).values(chunk));
    opts.log?.(`  检查对象 / targets: ${data.targets.length}, claims: ${claims.length}`);
    const risk = await seedRiskFacts(tx, data);
    opts.log?.(`  信用风险事实 / risk facts: ${risk.facts}, imported tiers: ${risk.imported}`);
    const alerts = await seedRiskAlerts(tx, data, now);
    opts.log?.(`  风险预警 / risk alerts: ${alerts} from 2 partner sources`);

    await insertChunked(data.inspectors, (chunk) =>
      tx.insert(inspectors).values(
        chunk.map((i) => ({
          id: i.id,
          badgeNo: i.badgeNumber,
          name: i.name,
          departmentCode: i.departmentCode,
          unitCode: i.unitCode,
          regionCode: i.regionCode,
          qualifications: i.qualifications,
          specialties: [...i.specialties],
          expert: i.expert,
          active: i.active,
          activeFrom: i.activeFrom,
          activeTo: i.activeUntil,
          capacity: i.capacityPerTask,
        })),
      ),
    );
    await insertChunked(data.recusals, (chunk) =>
      tx.insert(recusals).values(
        chunk.map((x) => ({
          inspectorId: x.inspectorId,
          targetId: x.targetId,
          kind: x.kind,
          reason: x.text,
          declaredBy: x.declaredBy,
          declaredAt: new Date(`${x.declaredOn}T09:00:00+08:00`),
        })),
      ),
    );
    opts.log?.(`  执法检查人员 / inspectors: ${data.inspectors.length}, recusals: ${data.recusals.length}`);

    const summary = {
      seed: data.seed,
      regions: data.regions.length,
      departments: data.departments.length,
      users: data.users.length,
      items: data.items.length,
      targets: data.targets.length,
      inspectors: data.inspectors.length,
      recusals: data.recusals.length,
    };
    await audit(
      tx,
      { actor: null, requestId: null },
      { action: 'demo.seeded', entityType: 'deployment', entityId: null, after: summary },
      now,
    );
    await markDemoDatabase(tx, now);
    return ok(summary);
  });
  if (!r.ok) {
    throw new Error('bug: demo seeding returned an error');
  }
  const s = r.value;
  return `${s.departments} departments, ${s.users} users, ${s.items} items, ${s.targets} targets, ${s.inspectors} inspectors`;
}
