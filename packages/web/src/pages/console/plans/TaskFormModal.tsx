/**
 * The task form (抽查任务): items of the lead and participating departments, scope filters,
 * strata (one stratum or credit tiers A–D with ratios), window, 所所交叉 and the fallback pool.
 * The server checks the ratio cap exactly and the art. 42 quota; its message shows here.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { TaskSpecBody, TaskView } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { initial, taskBodyOf, TIERS, type FormValues } from './task-form-values';
import { stratumName } from './workflow-labels';
import { ScopeFields } from './ScopeFields';

/** Create (task null) or edit a task of a plan. */
export function TaskFormModal(props: {
  readonly planId: string;
  readonly year: number;
  readonly lead: string;
  readonly task: TaskView | null;
  readonly onClose: (saved: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const participants =
    Form.useWatch('participants', form) ?? props.task?.participants.map((p) => p.departmentCode) ?? [];
  const mode =
    Form.useWatch('mode', form) ?? (props.task !== null && props.task.strata.length > 1 ? 'tiers' : 'all');
  const org = useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org', {})) });
  const depts = [props.lead, ...participants];
  const items = useQuery({
    queryKey: ['wf', 'items', depts],
    queryFn: async () =>
      (
        await Promise.all(
          depts.map((d) =>
            unwrap(api.GET('/api/public/items', { params: { query: { department: d, limit: 500 } } })),
          ),
        )
      ).flatMap((p) => p.items),
  });
  const save = useMutation({
    mutationFn: (body: TaskSpecBody) =>
      props.task === null
        ? unwrap(api.POST('/api/plans/{id}/tasks', { params: { path: { id: props.planId } }, body }))
        : unwrap(api.PUT('/api/tasks/{id}', { params: { path: { id: props.task.id } }, body })),
    meta: { silent: true },
    onSuccess: () => props.onClose(true),
    onError: (e) => setError(e instanceof ApiError ? e.messageIn(lang) : String(e)),
  });
  const submit = (v: FormValues) => {
    const body = taskBodyOf(v);
    if (typeof body === 'string') {
      setError(t('wf.task.badRatio', { stratum: stratumName(t, body) }));
      return;
    }
    setError(null);
    save.mutate(body);
  };
  const deptOptions = (org.data?.departments ?? [])
    .filter((d) => d.code !== props.lead)
    .map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }));
  return (
    <Modal
      open
      width={860}
      title={props.task === null ? t('wf.task.create') : t('wf.task.edit')}
      okText={t('wf.save')}
      cancelText={t('wf.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial(props.task, props.year)} onFinish={submit}>
        <Form.Item name="title" label={t('wf.task.title')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('wf.task.participants')}
          extra={t('wf.task.participantsHint')}
        >
          <Select mode="multiple" options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="itemIds" label={t('wf.task.items')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={items.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(items.data ?? []).map((i) => ({
              value: i.id,
              label: `${i.priority === 'key' ? '【重点】' : '【一般】'}${i.name}（${i.departmentName}）`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="windowStart" label={t('wf.task.windowStart')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="windowEnd" label={t('wf.task.windowEnd')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mode" label={t('wf.task.strata')} extra={t('wf.task.capHint')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('wf.task.strataAll') },
              { value: 'tiers', label: t('wf.task.strataTiers') },
            ]}
          />
        </Form.Item>
        {mode === 'all' ? (
          <Form.Item name="all" label={t('wf.task.ratio')}>
            <InputNumber min={0.01} max={100} step={0.5} suffix="%" />
          </Form.Item>
        ) : (
          <>
            <Row gutter={12}>
              {TIERS.map((x) => (
                <Col xs={12} sm={6} key={x}>
                  <Form.Item name={x} label={t(`wf.tier.${x}`)}>
                    <InputNumber min={0.01} max={100} step={0.5} suffix="%" />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            <Form.Item name="tierSource" label={t('wf.task.tierSource')} extra={t('wf.task.tierSourceHint')}>
              <Radio.Group
                options={[
                  { value: 'effective', label: t('wf.task.tierSource.effective') },
                  { value: 'computed', label: t('wf.task.tierSource.computed') },
                  { value: 'imported', label: t('wf.task.tierSource.imported') },
                ]}
              />
            </Form.Item>
          </>
        )}
        <ScopeFields form={form} year={props.year} lead={props.lead} deptOptions={deptOptions} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="jurisdictionRule"
              label={t('wf.task.jurisdiction')}
              valuePropName="checked"
              extra={t('wf.task.jurisdictionHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="crossRegion"
              label={t('wf.task.crossRegion')}
              valuePropName="checked"
              extra={t('wf.task.crossRegionHint')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
