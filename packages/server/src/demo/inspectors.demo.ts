/**
 * Demo inspector library (执法检查人员名录库): law-enforcement inspectors with badge numbers
 * (region code + serial, e.g. 50011220001), experts with library ids (EXP-0001), and a few
 * dozen recusal declarations (回避) against targets of their region.
 */
import { fromDayNumber, isoDate, toDayNumber } from '@openssj/core';
import { personName } from './names.demo';
import type { Rng } from './prng';
import type {
  DemoDepartment,
  DemoInspector,
  DemoRecusal,
  DemoTarget,
  DemoUnit,
  Qualification,
  RecusalKind,
} from './demo.types';

/** How many law-enforcement inspectors each department has; experts come on top. */
function headcount(dep: DemoDepartment): number {
  if (dep.kind !== 'SCJG') {
    return 8;
  }
  return dep.regionCode === '500112' ? 60 : dep.regionCode === '500000' ? 20 : 24;
}

export const EXPERT_COUNT = 40;

const SPECIALTIES: Readonly<Record<string, readonly string[]>> = {
  SCJG: [
    '食品安全',
    '特种设备',
    '产品质量',
    '计量',
    '广告监管',
    '网络交易',
    '药品医疗器械',
    '价格监督',
    '登记注册',
    '知识产权',
  ],
  XF: ['消防监督', '建筑防火', '火灾调查'],
  STHJ: ['大气污染防治', '水污染防治', '固体废物', '环评管理'],
  WJ: ['公共卫生', '医疗监督', '职业卫生', '传染病防治'],
  JW: ['民办教育', '校园安全'],
  MZ: ['社会组织', '养老服务'],
  YJ: ['危险化学品', '工贸安全', '烟花爆竹'],
  ZJ: ['工程质量', '施工安全', '物业管理'],
  SW: ['商贸流通', '预付卡管理'],
  WLJ: ['文化市场', '旅游市场'],
};

/** Extra qualifications (执法资格) that go with a specialty. */
const QUALIFICATION_OF: Readonly<Record<string, string>> = {
  食品安全: '食品检查员',
  特种设备: '特种设备安全监察员',
  药品医疗器械: '药品检查员',
  计量: '计量执法检查员',
};

const DAY_NOW = toDayNumber(isoDate('2026-01-01'));

function qualifications(rng: Rng, specialties: readonly string[]): Qualification[] {
  // about 3 % have lapsed, which the draw must notice (issue 11: they leave the pool); the rest
  // run from December 2026 (a few within the library's 30-day warning of the demo's today) to 2030
  const expiry = (): string =>
    fromDayNumber(rng.chance(0.03) ? DAY_NOW - rng.range(1, 300) : DAY_NOW + rng.range(340, 1800));
  const out: Qualification[] = [{ type: '行政执法证', expiresOn: expiry() }];
  for (const s of specialties) {
    const q = QUALIFICATION_OF[s];
    if (q !== undefined) {
      out.push({ type: q, expiresOn: expiry() });
    }
  }
  return out;
}

/** Inspectors for every department (360 with badges) plus EXPERT_COUNT experts: 400. */
export function demoInspectors(
  rng: Rng,
  departments: readonly DemoDepartment[],
  units: readonly DemoUnit[],
): DemoInspector[] {
  const out: DemoInspector[] = [];
  const serial = new Map<string, number>();
  for (const dep of departments) {
    const depUnits = units.filter((u) => u.departmentCode === dep.code);
    const specs = SPECIALTIES[dep.kind] ?? [];
    for (let i = 0; i < headcount(dep); i++) {
      const next = (serial.get(dep.regionCode) ?? 20000) + 1;
      serial.set(dep.regionCode, next);
      const badge = `${dep.regionCode}${next}`;
      const specialties = rng.sample(specs, rng.range(1, Math.min(3, specs.length)));
      const active = i < 2 || rng.chance(0.95); // the first two of each department stay active for demo accounts
      const from = DAY_NOW - rng.range(100, 4000);
      out.push({
        id: badge,
        badgeNumber: badge,
        expert: false,
        name: personName(rng),
        departmentCode: dep.code,
        unitCode: depUnits.length > 0 ? (depUnits[i % depUnits.length]?.code ?? null) : null,
        regionCode: dep.regionCode,
        qualifications: qualifications(rng, specialties),
        specialties,
        active,
        activeFrom: fromDayNumber(from),
        activeUntil: active ? null : fromDayNumber(DAY_NOW - rng.range(1, 90)),
        capacityPerTask: rng.range(5, 20),
      });
    }
  }
  // Experts join teams but never count toward the two officers (行政处罚法 art. 42).
  const scjg = departments.filter((d) => d.kind === 'SCJG');
  const others = departments.filter((d) => d.kind !== 'SCJG');
  for (let i = 1; i <= EXPERT_COUNT; i++) {
    const dep = rng.chance(0.7) ? rng.pick(scjg) : rng.pick(others);
    const specs = SPECIALTIES[dep.kind] ?? [];
    const id = `EXP-${String(i).padStart(4, '0')}`;
    out.push({
      id,
      badgeNumber: null,
      expert: true,
      name: personName(rng),
      departmentCode: dep.code,
      unitCode: null,
      regionCode: dep.regionCode,
      qualifications: [
        {
          type: rng.pick(['高级工程师', '注册安全工程师', '执业药师', '主任医师', '注册消防工程师']),
          expiresOn: fromDayNumber(DAY_NOW + rng.range(200, 1800)),
        },
      ],
      specialties: rng.sample(specs, 1),
      active: true,
      activeFrom: fromDayNumber(DAY_NOW - rng.range(30, 1500)),
      activeUntil: null,
      capacityPerTask: rng.range(3, 8),
    });
  }
  return out;
}

const RELATIONS = ['配偶', '兄弟姐妹', '子女', '父母', '表兄弟姐妹', '配偶的兄弟姐妹'];

function recusalText(rng: Rng, kind: RecusalKind, target: DemoTarget): string {
  switch (kind) {
    case 'kinship':
      return `本人与该对象法定代表人${target.legalRepresentative ?? ''}系${rng.pick(RELATIONS)}关系`;
    case 'economic':
      return rng.pick([
        `本人配偶持有该对象 ${rng.range(2, 30)}% 股权`,
        '本人亲属在该对象担任财务负责人',
        '本人与该对象存在房屋租赁关系',
      ]);
    case 'other':
      return rng.pick([
        '本人曾在该对象任职，离职未满三年',
        '本人曾办理该对象的行政处罚案件，可能影响公正',
        '本人与该对象法定代表人系同学，交往密切',
      ]);
  }
}

/** A few dozen recusal declarations of active inspectors against market entities of their region. */
export function demoRecusals(
  rng: Rng,
  inspectors: readonly DemoInspector[],
  targets: readonly DemoTarget[],
  declaredBy: (inspector: DemoInspector) => string,
  count = 40,
): DemoRecusal[] {
  const byRegion = new Map<string, DemoTarget[]>();
  for (const t of targets) {
    if (t.legalRepresentative !== null) {
      const list = byRegion.get(t.divisionCode) ?? [];
      list.push(t);
      byRegion.set(t.divisionCode, list);
    }
  }
  const pool = inspectors.filter((i) => i.active && !i.expert && byRegion.has(i.regionCode));
  const seen = new Set<string>();
  const out: DemoRecusal[] = [];
  while (out.length < count) {
    const inspector = rng.pick(pool);
    const target = rng.pick(byRegion.get(inspector.regionCode) ?? []);
    const key = `${inspector.id}|${target.id}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const kind = rng.weighted<RecusalKind>([
      ['kinship', 4],
      ['economic', 4],
      ['other', 2],
    ]);
    out.push({
      inspectorId: inspector.id,
      targetId: target.id,
      kind,
      text: recusalText(rng, kind, target),
      declaredOn: fromDayNumber(DAY_NOW - rng.range(1, 365)),
      declaredBy: declaredBy(inspector),
    });
  }
  return out;
}
