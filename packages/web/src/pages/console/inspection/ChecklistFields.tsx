/** Renders an item's guideline checklist form (yes/no, number, text, choice; photo fields take camera shots). */
import { renderedFields } from '@openssj/core';
import { Form, Input, InputNumber, Radio, Select } from 'antd';
import type { DraftResult, VisitItemView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';
import { PhotoInput } from './PhotoInput';

type Answer = string | number | boolean | null;

export interface ChecklistFieldsProps {
  readonly item: VisitItemView;
  readonly value: DraftResult;
  readonly disabled: boolean;
  readonly onAnswer: (key: string, v: Answer) => void;
  readonly photoCount: (fieldKey: string | null) => number;
  readonly onPhoto: (fieldKey: string | null, file: File) => void;
}

/** The form fields of one item. */
export function ChecklistFields({
  item,
  value,
  disabled,
  onAnswer,
  photoCount,
  onPhoto,
}: ChecklistFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      {renderedFields(item.form).map((f) => {
        const v = value.answers?.[f.key] ?? null;
        const label = `${f.label}${f.kind === 'number' && f.unit !== undefined ? `（${f.unit}）` : ''}`;
        const required = f.required || (f.kind === 'photo' && f.photoRequired);
        let control;
        switch (f.kind) {
          case 'yesNo':
            control = (
              <Radio.Group
                aria-label={f.label}
                disabled={disabled}
                value={v}
                onChange={(e) => onAnswer(f.key, e.target.value === true)}
                optionType="button"
              >
                <Radio value={true}>{t('insp.yes')}</Radio>
                <Radio value={false}>{t('insp.no')}</Radio>
              </Radio.Group>
            );
            break;
          case 'number':
            control = (
              <InputNumber
                aria-label={f.label}
                disabled={disabled}
                style={{ width: '100%' }}
                value={typeof v === 'number' ? v : null}
                onChange={(n) => onAnswer(f.key, typeof n === 'number' ? n : null)}
              />
            );
            break;
          case 'text':
            control = (
              <Input.TextArea
                aria-label={f.label}
                disabled={disabled}
                autoSize
                value={typeof v === 'string' ? v : ''}
                onChange={(e) => onAnswer(f.key, e.target.value === '' ? null : e.target.value)}
              />
            );
            break;
          case 'choice':
            control = (
              <Select
                aria-label={f.label}
                disabled={disabled}
                allowClear
                value={typeof v === 'string' ? v : undefined}
                onChange={(x: string | undefined) => onAnswer(f.key, x ?? null)}
                options={f.options.map((o) => ({ value: o, label: o }))}
              />
            );
            break;
          case 'photo':
            control = (
              <PhotoInput
                disabled={disabled}
                count={photoCount(f.key)}
                onFile={(file) => onPhoto(f.key, file)}
              />
            );
            break;
        }
        return (
          <Form.Item
            key={f.key}
            label={label}
            required={required}
            extra={f.hint}
            style={{ marginBottom: 12 }}
          >
            {control}
            {f.kind !== 'photo' && f.photoRequired && (
              <div style={{ marginTop: 6 }}>
                <PhotoInput
                  disabled={disabled}
                  count={photoCount(f.key)}
                  onFile={(file) => onPhoto(f.key, file)}
                />
              </div>
            )}
          </Form.Item>
        );
      })}
    </>
  );
}
