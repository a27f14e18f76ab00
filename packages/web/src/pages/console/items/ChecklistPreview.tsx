/** A live preview of a checklist form: each field as the inspection page will render it (inputs disabled). */
import { CameraOutlined } from '@ant-design/icons';
import { Empty, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import type { ChecklistField } from '@openssj/core';
import { useI18n } from '../../../hooks/use-i18n';

function FieldControl({ field }: { readonly field: ChecklistField }) {
  const { t } = useI18n();
  switch (field.kind) {
    case 'yesNo':
      return (
        <Radio.Group>
          <Radio value>{t('lib.yes')}</Radio>
          <Radio value={false}>{t('lib.no')}</Radio>
        </Radio.Group>
      );
    case 'number':
      return (
        <InputNumber
          style={{ width: '100%', maxWidth: 240 }}
          {...(field.unit !== undefined ? { addonAfter: field.unit } : {})}
        />
      );
    case 'text':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />;
    case 'photo':
      return (
        <Tag icon={<CameraOutlined />} style={{ padding: '6px 12px' }}>
          {t('guide.photoHint')}
        </Tag>
      );
    case 'choice':
      return field.options.length > 4 ? (
        <Select style={{ width: '100%' }} options={field.options.map((o) => ({ value: o, label: o }))} />
      ) : (
        <Radio.Group options={field.options.map((o) => ({ value: o, label: o }))} />
      );
  }
}

/** Renders `form` read-only, for the guideline editor's preview. */
export function ChecklistPreview({ form }: { readonly form: readonly ChecklistField[] }) {
  const { t } = useI18n();
  if (form.length === 0) {
    return <Empty />;
  }
  return (
    <Form layout="vertical" disabled>
      {form.map((f) => (
        <Form.Item
          key={f.key}
          required={f.required}
          label={
            <Space size={4} wrap>
              <span>{f.label}</span>
              {f.photoRequired && f.kind !== 'photo' && (
                <Tag color="orange" icon={<CameraOutlined />}>
                  {t('guide.photoRequired')}
                </Tag>
              )}
            </Space>
          }
          {...(f.hint !== undefined ? { extra: f.hint } : {})}
        >
          <FieldControl field={f} />
        </Form.Item>
      ))}
    </Form>
  );
}
