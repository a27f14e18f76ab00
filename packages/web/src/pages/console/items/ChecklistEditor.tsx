/**
 * The checklist form editor of a guideline: add fields of each kind (or the result / follow-up
 * presets of core), edit, reorder and remove them, with core's schema checking the whole form.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CHECKLIST_FIELD_KINDS,
  checklistFormSchema,
  followUpField,
  newChecklistField,
  resultCategoryField,
  type ChecklistField,
  type ChecklistFieldKind,
} from '@openssj/core';
import { Alert, Button, Card, Checkbox, Dropdown, Input, Select, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../hooks/use-i18n';

interface Props {
  readonly value: readonly ChecklistField[];
  readonly onChange: (next: ChecklistField[]) => void;
}

/** The first problem of a form per core's schema, or null when it is valid. */
export function checklistProblem(form: readonly ChecklistField[]): string | null {
  const r = checklistFormSchema.safeParse(form);
  if (r.success) {
    return null;
  }
  const first = r.error.issues[0];
  return first === undefined ? 'invalid' : `${first.path.join('.')}: ${first.message}`;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [x] = next.splice(from, 1);
  if (x !== undefined) {
    next.splice(to, 0, x);
  }
  return next;
}

/** Edits a checklist form (controlled). */
export function ChecklistEditor({ value, onChange }: Props) {
  const { t } = useI18n();
  const keys = value.map((f) => f.key);
  // Field edits keep the kind: the patch only touches props the field's kind has.
  const update = (i: number, patch: Partial<ChecklistField>) =>
    onChange(value.map((f, j) => (j === i ? ({ ...f, ...patch } as ChecklistField) : f)));
  const problem = checklistProblem(value);
  const hasPreset = (p: 'resultCategories' | 'followUps') =>
    value.some((f) => f.kind === 'choice' && f.preset === p);
  const kindLabel = (k: ChecklistFieldKind) => t(`guide.kind.${k}`);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {value.map((f, i) => (
        <Card
          key={`${f.key}-${i}`}
          size="small"
          title={
            <Space size={4} wrap>
              <Tag color="blue">{kindLabel(f.kind)}</Tag>
              <Typography.Text code>{f.key}</Typography.Text>
            </Space>
          }
          extra={
            <Space size={0}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                aria-label={t('guide.moveUp')}
                disabled={i === 0}
                onClick={() => onChange(move(value, i, i - 1))}
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                aria-label={t('guide.moveDown')}
                disabled={i === value.length - 1}
                onClick={() => onChange(move(value, i, i + 1))}
              />
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('guide.remove')}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              />
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }} size={6}>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                style={{ width: '35%' }}
                value={f.key}
                aria-label={t('guide.key')}
                onChange={(e) => update(i, { key: e.target.value })}
              />
              <Input
                style={{ width: '65%' }}
                value={f.label}
                aria-label={t('guide.label')}
                placeholder={t('guide.label')}
                onChange={(e) => update(i, { label: e.target.value })}
              />
            </Space.Compact>
            <Space wrap>
              <Checkbox checked={f.required} onChange={(e) => update(i, { required: e.target.checked })}>
                {t('guide.required')}
              </Checkbox>
              <Checkbox
                checked={f.photoRequired}
                onChange={(e) => update(i, { photoRequired: e.target.checked })}
              >
                {t('guide.photoRequired')}
              </Checkbox>
            </Space>
            {f.kind === 'number' && (
              <Input
                addonBefore={t('guide.unit')}
                value={f.unit ?? ''}
                maxLength={10}
                onChange={(e) =>
                  update(i, e.target.value === '' ? { unit: undefined } : { unit: e.target.value })
                }
              />
            )}
            {f.kind === 'choice' &&
              (f.preset !== undefined ? (
                <Typography.Text type="secondary">
                  {t('guide.preset')}：{f.options.join(' · ')}
                </Typography.Text>
              ) : (
                <Select
                  aria-label={t('guide.options')}
                  mode="tags"
                  style={{ width: '100%' }}
                  value={f.options}
                  placeholder={t('guide.options')}
                  onChange={(options: string[]) => update(i, { options })}
                  tokenSeparators={['、', ',', '，']}
                />
              ))}
          </Space>
        </Card>
      ))}
      <Space wrap>
        <Dropdown
          menu={{
            items: CHECKLIST_FIELD_KINDS.map((k) => ({ key: k, label: kindLabel(k) })),
            onClick: ({ key }) => {
              const kind = CHECKLIST_FIELD_KINDS.find((k) => k === key);
              if (kind !== undefined) {
                onChange([...value, newChecklistField(kind, keys)]);
              }
            },
          }}
        >
          <Button icon={<PlusOutlined />}>{t('guide.addField')}</Button>
        </Dropdown>
        {!hasPreset('resultCategories') && !keys.includes('result') && (
          <Button onClick={() => onChange([...value, resultCategoryField()])}>{t('guide.addResult')}</Button>
        )}
        {!hasPreset('followUps') && !keys.includes('followUp') && (
          <Button onClick={() => onChange([...value, followUpField()])}>{t('guide.addFollowUp')}</Button>
        )}
      </Space>
      {problem !== null && <Alert type="error" showIcon message={t('guide.invalid', { msg: problem })} />}
    </Space>
  );
}
