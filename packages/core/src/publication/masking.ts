/**
 * Masking personal data for the public portal (一公开): people appear as surname + 某某,
 * inspectors by badge number only; photos and signatures are never public (the portal
 * views simply have no field for them).
 */

/** Two-character surnames (复姓) common enough to keep whole: 欧阳某某, not 欧某某. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '百里',
  '呼延',
  '万俟',
  '澹台',
  '公冶',
  '太史',
  '申屠',
  '闻人',
  '赫连',
  '濮阳',
];

const HAN = /^\p{Script=Han}/u;

/** A person's name for the portal: 王某某, 欧阳某某; a Latin-script name keeps its first letter (J***). */
export function maskPersonName(name: string | null | undefined): string {
  const n = (name ?? '').trim();
  if (n === '') {
    return '';
  }
  if (HAN.test(n)) {
    const surname = COMPOUND_SURNAMES.find((s) => n.startsWith(s) && n.length > s.length) ?? [...n][0] ?? '';
    return `${surname}某某`;
  }
  return `${[...n][0] ?? ''}***`;
}

/** An inspector on the portal: the badge number only (执法证号), or 专家 for an expert without one. */
export function publicInspectorLabel(inspector: {
  readonly badgeNo: string | null;
  readonly expert?: boolean;
}): string {
  return inspector.badgeNo ?? (inspector.expert === true ? '专家' : '—');
}

/** A phone number for the portal: 138****5678. */
export function maskPhone(phone: string | null | undefined): string {
  const p = (phone ?? '').replace(/\s+/g, '');
  if (p.length < 7) {
    return p === '' ? '' : '****';
  }
  return `${p.slice(0, 3)}****${p.slice(-4)}`;
}

/** An identity-card number for the portal: first 6 and last 1 characters kept (110101***********1). */
export function maskIdNumber(id: string | null | undefined): string {
  const s = (id ?? '').trim();
  if (s.length < 8) {
    return s === '' ? '' : '*'.repeat(s.length);
  }
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 7)}${s.slice(-1)}`;
}

/** Mask phone numbers and identity-card numbers inside free text written by staff (e.g. a 其他 note). */
export function maskFreeText(text: string): string {
  return text
    .replace(
      /(?<!\d)(\d{6})\d{8,11}([\dXx])(?!\d)/g,
      (_m, a: string, b: string) => `${a}${'*'.repeat(8)}${b}`,
    )
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}
