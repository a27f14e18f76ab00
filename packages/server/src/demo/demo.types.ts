/**
 * The records of the demo data set: plain typed values, no database. The loader that
 * writes them is the server's; later issues add plans, draws, inspections and history.
 */
import type { DivisionLevel, Role, TargetType } from '@openssj/core';

/** Credit-risk tier (信用风险分类): A 低风险 … D 高风险 (003). Move to core when core defines it. */
export type RiskTier = 'A' | 'B' | 'C' | 'D';

/** Registration status (登记状态) of a target. */
export type TargetStatus = '在营' | '注销' | '吊销' | '撤销' | '迁出';

export type ItemPriority = 'key' | 'general';
export type InspectionMethod = 'document' | 'onsite' | 'online';
export type RecusalKind = 'kinship' | 'economic' | 'other';

/** A region of the deployment, named by its GB/T 2260 code. */
export interface DemoRegion {
  readonly code: string;
  readonly name: string;
  /** 重庆市渝北区, 四川省广安市邻水县. */
  readonly fullName: string;
  readonly level: DivisionLevel;
  /** The parent region in this deployment (重庆市 for its districts), null at the top. */
  readonly parentCode: string | null;
}

/** A department; its code carries its region (`500112-SCJG`) so two regions never collide. */
export interface DemoDepartment {
  readonly code: string;
  /** 渝北区市场监督管理局 */
  readonly name: string;
  /** 重庆市渝北区市场监督管理局 */
  readonly fullName: string;
  readonly regionCode: string;
  /** The kind suffix of the code: SCJG, XF, STHJ, WJ, JW, MZ, … */
  readonly kind: string;
}

/** A unit of a department (监管单位): a 市场监管所 or an office; the base of 所所交叉. */
export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly departmentCode: string;
  readonly regionCode: string;
  /** Streets or towns the unit supervises (empty for offices without an area). */
  readonly area: readonly string[];
}

/** A login account; inspectors link to their inspector record by badge number. */
export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: readonly Role[];
  readonly inspectorBadge: string | null;
}

export type ChecklistFieldKind = 'yesNo' | 'number' | 'text' | 'photo' | 'choice';

/** One field of a guideline's checklist form; the inspection page renders it. */
export interface ChecklistField {
  readonly key: string;
  readonly label: string;
  readonly kind: ChecklistFieldKind;
  readonly required: boolean;
  /** For yesNo, number and text: a photo must be attached to this answer. */
  readonly photoRequired: boolean;
  /** For choice fields. */
  readonly options?: readonly string[];
  /** For number fields. */
  readonly unit?: string;
}

/** 抽查工作指引: what to check, how, on what basis, and the form. */
export interface DemoGuideline {
  readonly whatToCheck: string;
  readonly how: string;
  readonly legalBasis: string;
  readonly form: readonly ChecklistField[];
}

export interface LegalBasis {
  readonly text: string;
  /** Article references, e.g. 《中华人民共和国食品安全法》第一百一十条. */
  readonly articles: readonly string[];
}

/** An inspection item (抽查事项) of a department's list. */
export interface DemoInspectionItem {
  readonly code: string;
  readonly departmentCode: string;
  readonly name: string;
  readonly priority: ItemPriority;
  /** Cap on the task's overall ratio for general items (0.1 default); null for key items. */
  readonly ratioCap: number | null;
  readonly method: InspectionMethod;
  readonly legalBasis: LegalBasis;
  readonly targetTypes: readonly TargetType[];
  /** GB/T 4754 sections or divisions the item applies to; empty means all. */
  readonly industries: readonly string[];
  readonly guideline: DemoGuideline;
}

/** A target of the library (检查对象). */
export interface DemoTarget {
  /** The stable key: the USCC of a market entity, else `<type>:<code>`. */
  readonly id: string;
  readonly type: TargetType;
  readonly uscc: string | null;
  /** `<type>:<code>` for targets without a USCC. */
  readonly code: string | null;
  readonly name: string;
  readonly divisionCode: string;
  readonly address: string;
  /** A GB/T 4754 class (4 digits); null for products, projects and behaviours without one. */
  readonly industryCode: string | null;
  readonly legalRepresentative: string | null;
  readonly status: TargetStatus;
  readonly statusDate: string;
  readonly registeredOn: string;
  readonly supervisingUnitCode: string;
  readonly creditTier: RiskTier;
  readonly creditTierSource: 'computed' | 'imported';
  readonly creditTierDate: string;
  readonly tags: readonly string[];
}

export interface Qualification {
  /** 执法资格 type, e.g. 行政执法证, 食品检查员. */
  readonly type: string;
  readonly expiresOn: string;
}

/** A member of the inspector library; experts carry a library id and no badge. */
export interface DemoInspector {
  /** Badge number for law-enforcement inspectors, library id (EXP-0001) for experts. */
  readonly id: string;
  readonly badgeNumber: string | null;
  readonly expert: boolean;
  readonly name: string;
  readonly departmentCode: string;
  readonly unitCode: string | null;
  readonly regionCode: string;
  readonly qualifications: readonly Qualification[];
  readonly specialties: readonly string[];
  readonly active: boolean;
  readonly activeFrom: string;
  readonly activeUntil: string | null;
  /** How many targets one inspector takes in one task. */
  readonly capacityPerTask: number;
}

/** A recusal declaration (回避): an inspector's conflict with a target. */
export interface DemoRecusal {
  readonly inspectorId: string;
  readonly targetId: string;
  readonly kind: RecusalKind;
  readonly text: string;
  readonly declaredOn: string;
  /** Username of who recorded it (the inspector's account or an admin). */
  readonly declaredBy: string;
}

/** The whole demo data set. Later issues add their own entities here. */
export interface DemoData {
  readonly seed: string;
  readonly regions: readonly DemoRegion[];
  readonly departments: readonly DemoDepartment[];
  readonly units: readonly DemoUnit[];
  readonly users: readonly DemoUser[];
  readonly items: readonly DemoInspectionItem[];
  readonly targets: readonly DemoTarget[];
  readonly inspectors: readonly DemoInspector[];
  readonly recusals: readonly DemoRecusal[];
}
