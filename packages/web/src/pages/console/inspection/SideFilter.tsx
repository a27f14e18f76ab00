/**
 * Sides of a cross-region task (跨区域, issue 6): a tag naming the side a visit belongs to (the
 * department of the region holding the target), and a 本方 / 全部 filter that starts on 本方 for
 * the staff and inspectors of a side.
 */
import { Segmented, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../hooks/use-i18n';

/** The side of a visit as the API sends it (null: not a cross-region visit). */
export interface VisitSide {
  readonly departmentCode: string;
  readonly departmentName: string;
  readonly regionCode: string;
}

/** Is the visit on the side of `department`? */
export function onMySide(side: VisitSide | null, department: string): boolean {
  return side !== null && side.departmentCode.split(',').includes(department);
}

/** The side's tag: green for the user's own side, blue for the other. */
export function SideTag({ side, mine }: { readonly side: VisitSide | null; readonly mine: boolean }) {
  const { t } = useI18n();
  if (side === null) {
    return null;
  }
  return (
    <Tag color={mine ? 'green' : 'blue'} data-testid="side-tag">
      {mine ? `${t('insp.sideMine')} · ` : ''}
      {side.departmentName}（{side.regionCode}）
    </Tag>
  );
}

/** Filter visits to 本方 (default when the user's department is a side of any of them) or show 全部. */
export function useSideFilter<T extends { readonly side: VisitSide | null }>(
  items: readonly T[],
  department: string,
): { readonly shown: readonly T[]; readonly control: ReactNode } {
  const { t } = useI18n();
  const [choice, setChoice] = useState<'mine' | 'all' | null>(null);
  const sided = items.some((v) => v.side !== null);
  const anyMine = items.some((v) => onMySide(v.side, department));
  const mode = choice ?? (anyMine ? 'mine' : 'all');
  if (!sided || !anyMine) {
    return { shown: items, control: null };
  }
  return {
    shown: mode === 'all' ? items : items.filter((v) => v.side === null || onMySide(v.side, department)),
    control: (
      <Segmented
        data-testid="side-filter"
        value={mode}
        onChange={(v) => setChoice(v === 'all' ? 'all' : 'mine')}
        options={[
          { value: 'mine', label: t('insp.sideMine') },
          { value: 'all', label: t('insp.sideAll') },
        ]}
      />
    ),
  };
}
