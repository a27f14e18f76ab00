// The settings screens' pure helpers (issue 6): region scope and labels, editor rows ⇄ config, where a
// server issue lands, and the change lists the confirmations show.
import { DEFAULT_EVALUATION_CONFIG, validateEvaluationConfig } from '@openssj/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/errors';
import {
  adjacencyChanges,
  configOf,
  criteriaChanges,
  fieldOfIssue,
  listedBy,
  readableRegions,
  regionContains,
  regionName,
  regionOptions,
  rowsOf,
  serverIssues,
  unusedCriteria,
  weightSum,
} from '../src/pages/console/settings/region-settings';

const REGIONS = [
  { code: '500000', name: '重庆市', fullName: '重庆市', level: 'province', parentCode: null },
  { code: '500112', name: '渝北区', fullName: '重庆市渝北区', level: 'district', parentCode: '500000' },
  { code: '510000', name: '四川省', fullName: '四川省', level: 'province', parentCode: null },
  { code: '511600', name: '广安市', fullName: '四川省广安市', level: 'city', parentCode: '510000' },
  { code: '511623', name: '邻水县', fullName: '四川省广安市邻水县', level: 'district', parentCode: '511600' },
];

describe('regions', () => {
  it('contains by GB/T 2260 prefix', () => {
    expect(regionContains('500000', '500112')).toBe(true);
    expect(regionContains('511600', '511623')).toBe(true);
    expect(regionContains('500112', '500112')).toBe(true);
    expect(regionContains('500112', '500113')).toBe(false);
    expect(regionContains('510000', '500112')).toBe(false);
  });
  it('lets system admins and auditors pick any region, others their own and below', () => {
    expect(readableRegions(REGIONS, ['system_admin'], '500000')).toHaveLength(5);
    expect(readableRegions(REGIONS, ['auditor'], '500000')).toHaveLength(5);
    expect(readableRegions(REGIONS, ['dept_admin'], '500112').map((r) => r.code)).toEqual(['500112']);
    expect(readableRegions(REGIONS, ['leader'], '511600').map((r) => r.code)).toEqual(['511600', '511623']);
  });
  it('names a region by name and code, searchable by either', () => {
    expect(regionName(REGIONS, '511623')).toBe('邻水县（511623）');
    expect(regionName(REGIONS, '999999')).toBe('999999');
    expect(regionOptions(REGIONS)[4]).toEqual({
      value: '511623',
      label: '邻水县（511623）',
      search: '邻水县 四川省广安市邻水县 511623',
    });
  });
});

describe('criteria editor', () => {
  it('shows targets in per cent and sends them back as rates', () => {
    const rows = rowsOf(DEFAULT_EVALUATION_CONFIG);
    expect(rows.find((r) => r.key === 'jointShare')).toEqual({
      key: 'jointShare',
      weight: 15,
      targetPct: 22,
    });
    expect(validateEvaluationConfig(configOf(rows))).toEqual({ ok: true, value: DEFAULT_EVALUATION_CONFIG });
    expect(weightSum(rows)).toBe(100);
    expect(unusedCriteria(rows)).toEqual(['problemDiscovery']);
  });
  it('sends an empty field as null, which the check names', () => {
    const sent = configOf([{ key: 'coverage', weight: null, targetPct: 50 }]);
    expect(sent).toEqual({ criteria: [{ key: 'coverage', weight: null, target: 0.5 }] });
    const r = validateEvaluationConfig(sent);
    expect(r.ok ? [] : r.error.issues?.map((i) => i.field)).toEqual(['criteria.0.weight']);
  });
  it('puts an issue on its row field, or above the list', () => {
    expect(fieldOfIssue('criteria.2.weight')).toEqual(['criteria', 2, 'weight']);
    expect(fieldOfIssue('criteria.0.target')).toEqual(['criteria', 0, 'targetPct']);
    expect(fieldOfIssue('criteria.1.key')).toEqual(['criteria', 1, 'key']);
    expect(fieldOfIssue('criteria')).toBeNull();
  });
  it('reads the field issues of a server refusal and nothing else', () => {
    const issue = {
      field: 'criteria.1.weight',
      messageZh: '第 2 项的权重须为 0 到 100 之间的数',
      messageEn: 'x',
    };
    const e = new ApiError({
      status: 400,
      code: 'VALIDATION',
      messageZh: '考核指标配置无效',
      messageEn: 'invalid',
      details: { issues: [issue, { field: 1 }] },
    });
    expect(serverIssues(e)).toEqual([issue]);
    expect(serverIssues(new Error('x'))).toEqual([]);
  });
  it('lists what a save changes', () => {
    const after = {
      criteria: [
        { key: 'coverage' as const, weight: 30, target: 1 },
        { key: 'jointShare' as const, weight: 15, target: 0.22 },
        { key: 'problemDiscovery' as const, weight: 10, target: 0.5 },
      ],
    };
    expect(criteriaChanges(DEFAULT_EVALUATION_CONFIG, after).map((c) => `${c.kind} ${c.key}`)).toEqual([
      'changed coverage',
      'added problemDiscovery',
      'removed planOnTime',
      'removed onTimePublication',
      'removed followUpClosure',
      'removed riskUsage',
    ]);
  });
});

describe('adjacent regions', () => {
  it('lists the regions added and removed', () => {
    expect(adjacencyChanges(['500103', '500113'], ['511623', '500103'])).toEqual({
      added: ['511623'],
      removed: ['500113'],
    });
  });
  it('finds the regions that list a region as adjacent', () => {
    const items = [
      { regionCode: '500112', adjacent: ['511623'] },
      { regionCode: '511623', adjacent: ['500112'] },
      { regionCode: '500113', adjacent: ['500112'] },
    ];
    expect(listedBy(items, '500112')).toEqual(['511623', '500113']);
  });
});
