/**
 * Demo targets (检查对象): market entities with valid USCCs, other organisations, and
 * products, projects and behaviours with `<type>:<code>` keys. Chinese names, addresses in
 * the right street, real GB/T 4754 classes, statuses and credit tiers.
 */
import {
  completeUscc,
  fromDayNumber,
  isoDate,
  lookupDivision,
  toDayNumber,
  type TargetType,
} from '@openssj/core';
import {
  COOP_PROFILES,
  ORG_PROFILES,
  PRODUCT_PROFILES,
  PROFILES,
  ROADS,
  TYPE_WEIGHTS,
  personName,
  surname,
  tradeName,
} from './names.demo';
import { weightedPicker, type Rng } from './prng';
import type { DemoTarget, DemoUnit, RiskTier, TargetStatus } from './demo.types';

/** Share of the library per district: 渝北 is the home district. */
const DISTRICT_WEIGHTS: readonly (readonly [string, number])[] = [
  ['500112', 34],
  ['500103', 8],
  ['500105', 9],
  ['500106', 8],
  ['500107', 9],
  ['500108', 8],
  ['500109', 6],
  ['500113', 8],
  ['511623', 10],
];

const STATUS_WEIGHTS: readonly (readonly [TargetStatus, number])[] = [
  ['在营', 90],
  ['注销', 4.5],
  ['吊销', 2.5],
  ['撤销', 0.5],
  ['迁出', 2.5],
];

const TIER_WEIGHTS: readonly (readonly [RiskTier, number])[] = [
  ['A', 35],
  ['B', 45],
  ['C', 15],
  ['D', 5],
];

// GB 11714 organisation code: 8 characters and a check character (weights of §4).
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // also USCC characters
function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charCodeAt(i);
    const v = c <= 57 ? c - 48 : c - 55; // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Project kinds and their GB/T 4754 classes (住宅, 其他房屋建筑, 工矿工程). */
const PROJECT_KINDS: readonly (readonly [string, string])[] = [
  ['住宅工程', '4710'],
  ['商业综合体工程', '4790'],
  ['厂房建设项目', '4840'],
];

const pickType = weightedPicker(TYPE_WEIGHTS);
const pickDistrict = weightedPicker(DISTRICT_WEIGHTS);
const pickStatus = weightedPicker(STATUS_WEIGHTS);
const pickTier = weightedPicker(TIER_WEIGHTS);
const pickCompany = weightedPicker(PROFILES.map((x) => [x, x.weight] as const));
const pickShop = weightedPicker(PROFILES.filter((x) => x.shop !== null).map((x) => [x, x.weight] as const));
const pickForm = weightedPicker<string>([
  ['有限公司', 80],
  ['有限责任公司', 12],
  ['股份有限公司', 3],
  ['实业有限公司', 5],
]);

const DAY_2000 = toDayNumber(isoDate('2000-01-01'));
const DAY_2015 = toDayNumber(isoDate('2015-10-01')); // USCC codes assigned from 2015-10-01
const DAY_END = toDayNumber(isoDate('2025-12-31'));
const DAY_TIERS = toDayNumber(isoDate('2025-07-01'));

interface Place {
  readonly district: string;
  readonly short: string;
  readonly fullName: string;
  readonly stations: readonly DemoUnit[];
}

function places(units: readonly DemoUnit[]): Map<string, Place> {
  const out = new Map<string, Place>();
  for (const [code] of DISTRICT_WEIGHTS) {
    const d = lookupDivision(code);
    const stations = units.filter((u) => u.regionCode === code && u.code.includes('-SCJG-S'));
    if (!d || stations.length === 0) {
      throw new Error(`bug: demo district ${code} lacks a division entry or stations`);
    }
    out.set(code, { district: code, short: d.name.replace(/[区县]$/, ''), fullName: d.fullName, stations });
  }
  return out;
}

/** Generate `count` targets (50,000 by default) from one random stream. */
export function demoTargets(rng: Rng, units: readonly DemoUnit[], count = 50_000): DemoTarget[] {
  const where = places(units);
  const ids = new Set<string>();
  const names = new Set<string>();
  const seq: Record<'产品' | '项目' | '行为' | '其他组织', number> = {
    产品: 0,
    项目: 0,
    行为: 0,
    其他组织: 0,
  };
  const out: DemoTarget[] = [];

  const uscc = (prefix: string, district: string, registered: number): string => {
    for (;;) {
      let body = registered >= DAY_2015 ? 'MA' : '';
      while (body.length < 8) {
        body += registered >= DAY_2015 ? ORG_BODY_CHARS.charAt(rng.int(31)) : String(rng.int(10));
      }
      const code = completeUscc(`${prefix}${district}${body}${orgCheck(body)}`);
      if (code !== undefined && !ids.has(code)) {
        return code;
      }
    }
  };
  const unique = (make: () => string): string => {
    let name = make();
    for (let i = 0; names.has(name) && i < 5; i++) {
      name = make();
    }
    for (let i = 2; names.has(name); i++) {
      name = `${make()}（${i}）`;
    }
    names.add(name);
    return name;
  };

  for (let n = 0; n < count; n++) {
    const type: TargetType = pickType(rng);
    const p = where.get(pickDistrict(rng));
    if (!p) {
      throw new Error('bug: unknown district');
    }
    const station = rng.pick(p.stations);
    const street = station.area[0] ?? '';
    const address = `${p.fullName}${street}${rng.pick(ROADS[p.district] ?? ['人民路'])}${rng.range(1, 999)}号${rng.chance(0.3) ? `${rng.range(1, 30)}幢${rng.range(1, 28)}-${rng.range(1, 12)}` : ''}`;
    const registered = DAY_2000 + rng.int(DAY_END - DAY_2000 + 1);
    const trade = tradeName(rng);
    const cq = p.district.startsWith('50');
    let id: string;
    let usccValue: string | null = null;
    let code: string | null = null;
    let name: string;
    let industry: string | null;
    let rep: string | null = personName(rng);
    const tags: string[] = [];

    switch (type) {
      case '企业': {
        const prof = pickCompany(rng);
        const form = pickForm(rng);
        name = unique(() => `${cq ? `重庆${p.short}` : `${p.short}县`}${tradeName(rng)}${prof.trade}${form}`);
        industry = prof.code;
        tags.push(prof.group);
        id = usccValue = uscc('91', p.district, registered);
        break;
      }
      case '个体工商户': {
        const prof = pickShop(rng);
        const owner = (): string => (rng.chance(0.5) ? `${surname(rng)}记` : tradeName(rng));
        name = unique(() => `${p.short}${cq ? '区' : '县'}${owner()}${prof.shop ?? '商店'}`);
        industry = prof.code;
        tags.push(prof.group);
        id = usccValue = uscc('92', p.district, registered);
        break;
      }
      case '农民专业合作社': {
        const [c, word] = rng.pick(COOP_PROFILES);
        name = unique(() => `${p.fullName}${tradeName(rng)}${word}专业合作社`);
        industry = c;
        tags.push('农业');
        id = usccValue = uscc('93', p.district, registered);
        break;
      }
      case '其他组织': {
        const [c, suffix, prefix] = rng.pick(ORG_PROFILES);
        name = unique(
          () =>
            `${p.fullName}${suffix === '行业协会' ? rng.pick(['餐饮', '商贸', '汽车', '美容美发', '物业']) : trade}${suffix}`,
        );
        industry = c;
        tags.push('社会组织');
        if (rng.chance(0.9)) {
          id = usccValue = uscc(prefix, p.district, registered);
        } else {
          id = code = `其他组织:${p.short}-ZZ${String(++seq.其他组织).padStart(4, '0')}`;
        }
        break;
      }
      case '产品': {
        const [c, word] = rng.pick(PRODUCT_PROFILES);
        const s = String(++seq.产品).padStart(5, '0');
        name = `${trade}牌${word}（批次 2026-${s}）`;
        id = code = `产品:批次-2026-${s}`;
        industry = c;
        rep = null;
        tags.push('产品质量');
        break;
      }
      case '项目': {
        const s = String(++seq.项目).padStart(4, '0');
        const [kind, cls] = rng.pick(PROJECT_KINDS);
        name = `${p.short}${trade}${rng.pick(['花园', '广场', '中心', '家园', '科技园'])}${rng.pick(['一期', '二期', '三期'])}${kind}`;
        id = code = `项目:${p.short}-${s}`;
        industry = cls;
        rep = null;
        tags.push('建设工程');
        break;
      }
      case '行为': {
        const s = String(++seq.行为).padStart(5, '0');
        const kind = rng.pick(['户外广告发布', '网络直播营销', '促销活动', '夜间施工']);
        name = `${trade}${kind}行为`;
        id = code = `行为:${kind === '户外广告发布' ? '广告' : kind.slice(0, 2)}-${s}`;
        industry = null;
        rep = null;
        tags.push('经营行为');
        break;
      }
    }
    ids.add(id);

    const status: TargetStatus = usccValue === null ? '在营' : pickStatus(rng);
    const statusDay = status === '在营' ? registered : registered + rng.int(DAY_END - registered + 1);
    const tier = pickTier(rng);
    if ((tier === 'D' && rng.chance(0.4)) || (tier === 'C' && rng.chance(0.05))) {
      tags.push('风险预警');
    }
    if (registered > DAY_END - 365) {
      tags.push('新设立');
    }
    const imported = rng.chance(0.2);
    out.push({
      id,
      type,
      uscc: usccValue,
      code,
      name,
      divisionCode: p.district,
      address,
      industryCode: industry,
      legalRepresentative: rep,
      status,
      statusDate: fromDayNumber(statusDay),
      registeredOn: fromDayNumber(registered),
      supervisingUnitCode: station.code,
      creditTier: tier,
      creditTierSource: imported ? 'imported' : 'computed',
      // computed tiers are refreshed on the 1st of a month; imported ones carry their file's date
      creditTierDate: imported
        ? fromDayNumber(DAY_TIERS + rng.int(180))
        : rng.pick(['2025-10-01', '2025-11-01', '2025-12-01']),
      tags,
    });
  }
  return out;
}
