/**
 * The inspector import template's columns: Chinese headers, fields and their rules.
 */
import { type HeaderSpec } from '../../platform';

/** The template's columns, in template order (issue 3). */
export const INSPECTOR_HEADERS: readonly HeaderSpec[] = [
  {
    key: 'badgeNo',
    zh: '执法证号',
    en: 'Badge number',
    required: false,
    aliases: ['执法证件号', '执法证编号', '证号'],
    example: '50011220260001',
  },
  { key: 'name', zh: '姓名', en: 'Name', required: true, aliases: ['人员姓名'], example: '李四' },
  {
    key: 'departmentCode',
    zh: '部门',
    en: 'Department',
    required: true,
    aliases: ['部门编码', '所属部门'],
    example: '500112-SCJG',
  },
  {
    key: 'unitCode',
    zh: '所属单位',
    en: 'Unit',
    required: false,
    aliases: ['单位', '所属科室', '所属所'],
    example: '500112-SCJG-S01',
  },
  {
    key: 'regionCode',
    zh: '行政区划代码',
    en: 'Division code',
    required: true,
    aliases: ['区划代码', '行政区划'],
    example: '500112',
  },
  {
    key: 'qualifications',
    zh: '执法资格',
    en: 'Qualifications',
    required: false,
    aliases: ['执法资格类型', '资格'],
    example: '行政执法证、食品检查员',
  },
  {
    key: 'qualificationExpiry',
    zh: '执法资格有效期',
    en: 'Qualification expiry',
    required: false,
    aliases: ['有效期', '资格有效期'],
    example: '2028-12-31、2027-06-30',
  },
  {
    key: 'specialties',
    zh: '业务专长',
    en: 'Specialties',
    required: false,
    aliases: ['专长', '专业'],
    example: '食品安全、特种设备',
  },
  { key: 'expert', zh: '是否专家', en: 'Expert', required: false, aliases: ['专家'], example: '否' },
  {
    key: 'capacity',
    zh: '单次任务上限',
    en: 'Capacity per task',
    required: false,
    aliases: ['任务上限', '单次上限'],
    example: '30',
  },
];
