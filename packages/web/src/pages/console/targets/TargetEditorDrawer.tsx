/**
 * Create or edit one target, validated in the browser with core's validateTarget (the same
 * rules as the import) and again by the server, whose field issues land on the same inputs.
 */
import { RISK_TIERS, TARGET_STATUSES, TARGET_TYPES, validateTarget, type TargetRaw } from '@openssj/core';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import { ApiError, errorMessage, unwrap } from '../../../api/errors';
import type { TargetBody, TargetDetail } from '../../../api/target-types';
import { useI18n } from '../../../hooks/use-i18n';
import type { MessageKey } from '../../../i18n/types';

type Values = { [K in keyof TargetRaw]: string };

const FIELDS: readonly { key: keyof TargetRaw; label: MessageKey; hint?: MessageKey }[] = [
  { key: 'uscc', label: 'tgt.uscc' },
  { key: 'code', label: 'tgt.code' },
  { key: 'name', label: 'tgt.name' },
  { key: 'type', label: 'tgt.type' },
  { key: 'divisionCode', label: 'tgt.division', hint: 'tgt.divisionHint' },
  { key: 'address', label: 'tgt.address' },
  { key: 'industryCode', label: 'tgt.industry', hint: 'tgt.industryHint' },
  { key: 'legalRep', label: 'tgt.legalRep' },
  { key: 'status', label: 'tgt.status' },
  { key: 'supervisingUnit', label: 'tgt.unit' },
  { key: 'riskTier', label: 'tgt.tier' },
  { key: 'tags', label: 'tgt.tags', hint: 'tgt.tagsHint' },
];

function valuesOf(t: TargetDetail | null): Values {
  return {
    uscc: t?.uscc ?? '',
    code: t !== null && t.uscc === null ? t.id : '',
    name: t?.name ?? '',
    type: t?.type ?? '企业',
    divisionCode: t?.divisionCode ?? '',
    address: t?.address ?? '',
    industryCode: t?.industryCode ?? '',
    legalRep: t?.legalRep ?? '',
    status: t?.status ?? '在营',
    supervisingUnit: t?.supervisingUnit ?? '',
    riskTier: t?.riskTier ?? '',
    tags: (t?.tags ?? []).join('；'),
  };
}

function serverIssues(e: unknown): { field: string; messageZh: string; messageEn: string }[] {
  if (
    !(e instanceof ApiError) ||
    typeof e.details !== 'object' ||
    e.details === null ||
    !('issues' in e.details) ||
    !Array.isArray(e.details.issues)
  ) {
    return [];
  }
  const out: { field: string; messageZh: string; messageEn: string }[] = [];
  const list: unknown[] = e.details.issues;
  for (const i of list) {
    if (
      typeof i === 'object' &&
      i !== null &&
      'field' in i &&
      'messageZh' in i &&
      'messageEn' in i &&
      typeof i.field === 'string' &&
      typeof i.messageZh === 'string' &&
      typeof i.messageEn === 'string'
    ) {
      out.push({ field: i.field, messageZh: i.messageZh, messageEn: i.messageEn });
    }
  }
  return out;
}

interface Props {
  readonly open: boolean;
  /** null: a new target. */
  readonly target: TargetDetail | null;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

/** The create / edit drawer of a target. */
export function TargetEditorDrawer({ open, target, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(valuesOf(target));
    }
  }, [open, target, form]);

  const showIssues = (issues: readonly { field: string; messageZh: string; messageEn: string }[]) => {
    const byField = new Map<string, string[]>();
    for (const i of issues) {
      const key = FIELDS.some((f) => f.key === i.field) ? i.field : 'name';
      byField.set(key, [...(byField.get(key) ?? []), lang === 'en' ? i.messageEn : i.messageZh]);
    }
    form.setFields(FIELDS.map((f) => ({ name: f.key, errors: byField.get(f.key) ?? [] })));
  };

  const save = useMutation({
    mutationFn: (body: TargetBody) =>
      target === null
        ? unwrap(api.POST('/api/targets', { body }))
        : unwrap(api.PUT('/api/targets/{id}', { params: { path: { id: target.id } }, body })),
    onSuccess: () => {
      void message.success(t('tgt.saved'));
      onSaved();
    },
    onError: (e) => {
      const issues = serverIssues(e);
      if (issues.length > 0) {
        showIssues(issues);
      } else {
        void message.error(errorMessage(e, lang));
      }
    },
  });

  const submit = (v: Values) => {
    const raw: TargetRaw = { ...valuesOf(null), ...v };
    const checked = validateTarget(target === null ? raw : { ...raw, status: target.status });
    if (!checked.ok) {
      showIssues(checked.error);
      return;
    }
    save.mutate(raw);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={target === null ? t('tgt.new') : `${t('tgt.edit')}：${target.name}`}
      width="min(640px, 100vw)"
      destroyOnHidden
      extra={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('tgt.save')}
          </Button>
        </Space>
      }
    >
      {target !== null && <Typography.Paragraph type="secondary">{t('tgt.idFixed')}</Typography.Paragraph>}
      <Form form={form} name="target-editor" layout="vertical" onFinish={submit} requiredMark={false}>
        {FIELDS.map((f) => (
          <Form.Item
            key={f.key}
            name={f.key}
            label={t(f.label)}
            {...(f.hint !== undefined ? { extra: t(f.hint) } : {})}
          >
            {f.key === 'type' ? (
              <Select options={TARGET_TYPES.map((x) => ({ value: x, label: x }))} />
            ) : f.key === 'status' ? (
              <Select
                disabled={target !== null}
                options={TARGET_STATUSES.map((x) => ({ value: x, label: x }))}
              />
            ) : f.key === 'riskTier' ? (
              <Select allowClear options={RISK_TIERS.map((x) => ({ value: x, label: x }))} />
            ) : (
              <Input disabled={target !== null && (f.key === 'uscc' || f.key === 'code')} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
