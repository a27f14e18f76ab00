/**
 * Demo organisation: 重庆市 with eight districts, and 四川省广安市邻水县 across the provincial
 * border (issue 2), their departments (codes carry the region) and units (市场监管所 with
 * the streets they supervise, for 所所交叉). Names and codes come from the GB/T 2260 table.
 */
import { lookupDivision } from '@openssj/core';
import type { DemoDepartment, DemoRegion, DemoUnit } from './demo.types';

export const CITY_CODE = '500000';
export const HOME_DISTRICT = '500112';
export const CROSS_BORDER_DISTRICT = '511623';

/** District → the streets (or towns) of its 市场监管所, in order S01, S02, … */
const STATIONS: Readonly<Record<string, readonly string[]>> = {
  '500112': ['两路', '双凤桥', '双龙湖', '回兴', '龙溪', '龙山', '人和', '悦来'],
  '500103': ['解放碑', '七星岗', '朝天门', '大坪', '上清寺'],
  '500105': ['观音桥', '华新街', '五里店', '石马河', '寸滩'],
  '500106': ['小龙坎', '沙坪坝', '磁器口', '井口', '天星桥'],
  '500107': ['杨家坪', '谢家湾', '石坪桥', '黄桷坪', '石桥铺'],
  '500108': ['南坪', '铜元局', '花园路', '弹子石', '南山'],
  '500109': ['北温泉', '天生', '朝阳', '龙凤桥', '蔡家岗'],
  '500113': ['鱼洞', '李家沱', '龙洲湾', '南泉', '界石'],
  '511623': ['鼎屏', '城北', '城南', '柑子'],
};

/** Department kinds: code suffix, name after the region, and the offices of non-SCJG kinds. */
const KINDS: Readonly<Record<string, { readonly name: string; readonly offices: readonly string[] }>> = {
  SCJG: { name: '市场监督管理局', offices: ['综合行政执法支队', '食品安全监督管理科'] },
  XF: { name: '消防救援支队', offices: ['防火监督一科', '防火监督二科'] },
  STHJ: { name: '生态环境局', offices: ['生态环境保护综合行政执法支队'] },
  WJ: { name: '卫生健康委员会', offices: ['卫生健康综合行政执法支队', '公共卫生监督科'] },
  JW: { name: '教育委员会', offices: ['民办教育管理科'] },
  MZ: { name: '民政局', offices: ['社会组织管理科', '养老服务科'] },
  YJ: { name: '应急管理局', offices: ['应急管理综合行政执法支队'] },
  ZJ: { name: '住房和城乡建设委员会', offices: ['建设工程质量安全监督站'] },
  SW: { name: '商务委员会', offices: ['市场体系建设科'] },
  WLJ: { name: '文化和旅游发展委员会', offices: ['文化市场综合行政执法支队'] },
};

/** The departments of the demo: [region, kind]. 21 in all. */
const DEPARTMENTS: readonly (readonly [string, string])[] = [
  [CITY_CODE, 'SCJG'],
  ...['SCJG', 'XF', 'STHJ', 'WJ', 'JW', 'MZ', 'YJ', 'ZJ', 'SW', 'WLJ'].map(
    (k) => [HOME_DISTRICT, k] as const,
  ),
  ...['500103', '500105', '500106', '500107', '500108', '500109', '500113'].map((r) => [r, 'SCJG'] as const),
  ['500105', 'XF'],
  ['500103', 'WJ'],
  [CROSS_BORDER_DISTRICT, 'SCJG'],
];

function division(code: string): { name: string; fullName: string } {
  const d = lookupDivision(code);
  if (!d) {
    throw new Error(`bug: demo division ${code} is not in GB/T 2260`);
  }
  return { name: d.name, fullName: d.fullName };
}

/** The regions: 重庆市 → 8 districts; 四川省 → 广安市 → 邻水县. */
export function demoRegions(): DemoRegion[] {
  const region = (code: string, level: DemoRegion['level'], parentCode: string | null): DemoRegion => ({
    code,
    ...division(code),
    level,
    parentCode,
  });
  return [
    region(CITY_CODE, 'province', null),
    ...Object.keys(STATIONS)
      .filter((c) => c.startsWith('50'))
      .map((c) => region(c, 'district', CITY_CODE)),
    region('510000', 'province', null),
    region('511600', 'city', '510000'),
    region(CROSS_BORDER_DISTRICT, 'district', '511600'),
  ];
}

/** The departments, each `<region>-<kind>`. */
export function demoDepartments(): DemoDepartment[] {
  return DEPARTMENTS.map(([regionCode, kind]) => {
    const k = KINDS[kind];
    if (!k) {
      throw new Error(`bug: unknown department kind ${kind}`);
    }
    const d = division(regionCode);
    return {
      code: `${regionCode}-${kind}`,
      name: `${d.name}${k.name}`,
      fullName: `${d.fullName}${k.name}`,
      regionCode,
      kind,
    };
  });
}

/** The units: 市场监管所 `-S01…` with their streets for district SCJG, offices `-U01…` otherwise. */
export function demoUnits(departments: readonly DemoDepartment[]): DemoUnit[] {
  const units: DemoUnit[] = [];
  for (const dep of departments) {
    const stations = dep.kind === 'SCJG' ? STATIONS[dep.regionCode] : undefined;
    if (stations) {
      const suffix = dep.regionCode === CROSS_BORDER_DISTRICT ? '镇' : '街道';
      stations.forEach((s, i) =>
        units.push({
          code: `${dep.code}-S${String(i + 1).padStart(2, '0')}`,
          name: `${s}市场监管所`,
          departmentCode: dep.code,
          regionCode: dep.regionCode,
          area: [`${s}${suffix}`],
        }),
      );
      continue;
    }
    (KINDS[dep.kind]?.offices ?? []).forEach((o, i) =>
      units.push({
        code: `${dep.code}-U${String(i + 1).padStart(2, '0')}`,
        name: o,
        departmentCode: dep.code,
        regionCode: dep.regionCode,
        area: [],
      }),
    );
  }
  return units;
}
