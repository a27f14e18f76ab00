/**
 * The task's scope picker: districts, industries and tags chosen from what the region's target
 * library holds (with 在营 counts), the other filters, and the live frame size of the scope as it is
 * edited — the same estimate the leader sees on the plan; a frame of 0 cannot be submitted.
 */
import { TARGET_STATUSES, TARGET_TYPES } from '@openssj/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Form, Row, Select, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { TaskSpecBody } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { useDepartmentName } from '../../../hooks/use-org';
import { taskBodyOf, type FormValues } from './task-form-values';
import { stratumName } from './workflow-labels';

const DEBOUNCE_MS = 400;

/** The body of a frame estimate for the form's current scope and strata, or null while it is incomplete. */
function estimateBody(v: FormValues | undefined, year: number) {
  if (v === undefined) {
    return null;
  }
  const body: TaskSpecBody | string = taskBodyOf(v);
  return typeof body === 'string'
    ? null
    : { year, scope: body.scope, strata: body.strata, tierSource: body.tierSource ?? null };
}

/** The frame size of the form's scope, re-estimated a moment after each change. */
function useLiveFrame(form: FormInstance<FormValues>, year: number) {
  const values = Form.useWatch((v: FormValues) => v, form);
  const key = JSON.stringify(estimateBody(values, year));
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);
  const body = JSON.parse(settled) as ReturnType<typeof estimateBody>;
  return useQuery({
    queryKey: ['frame-estimate', settled],
    enabled: body !== null,
    queryFn: () =>
      body === null ? Promise.resolve(null) : unwrap(api.POST('/api/tasks/frame-estimate', { body })),
    meta: { silent: true },
  });
}

export function ScopeFields(props: {
  readonly form: FormInstance<FormValues>;
  readonly year: number;
  readonly lead: string;
  readonly deptOptions: readonly { value: string; label: string }[];
}) {
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const options = useQuery({
    queryKey: ['scope-options'],
    queryFn: () => unwrap(api.GET('/api/tasks/scope-options')),
  });
  const frame = useLiveFrame(props.form, props.year);
  const o = options.data;
  const search = {
    showSearch: { optionFilterProp: 'label' as const },
    allowClear: true,
    mode: 'multiple' as const,
  };
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="divisions" label={t('wf.scope.divisions')} extra={t('wf.scope.fromLibrary')}>
            <Select
              {...search}
              loading={options.isLoading}
              options={(o?.divisions ?? []).map((d) => ({
                value: d.code,
                label: `${d.code} ${d.name}（${d.count}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industries" label={t('wf.scope.industries')}>
            <Select
              {...search}
              loading={options.isLoading}
              options={(o?.industries ?? []).map((d) => ({
                value: d.code,
                label: `${d.code} ${d.name}（${d.count}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="tags" label={t('wf.scope.tags')}>
            <Select
              {...search}
              loading={options.isLoading}
              options={(o?.tags ?? []).map((d) => ({ value: d.code, label: `${d.code}（${d.count}）` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="types" label={t('wf.scope.types')}>
            <Select mode="multiple" options={TARGET_TYPES.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="statuses" label={t('wf.scope.statuses')}>
            <Select mode="multiple" options={TARGET_STATUSES.map((x) => ({ value: x, label: x }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="claimedBy" label={t('wf.scope.claimedBy')}>
            <Select
              mode="multiple"
              options={[{ value: props.lead, label: deptName(props.lead) }, ...props.deptOptions]}
            />
          </Form.Item>
        </Col>
      </Row>
      {frame.data !== undefined && frame.data !== null && (
        <Alert
          data-testid="live-frame"
          showIcon
          type={frame.data.total === 0 ? 'error' : 'info'}
          style={{ marginBottom: 16 }}
          title={
            frame.data.total === 0
              ? t('wf.scope.frameEmpty')
              : t('wf.scope.frame', {
                  n: frame.data.total,
                  strata:
                    frame.data.strata.length > 1
                      ? frame.data.strata.map((s) => `${stratumName(t, s.name)} ${s.frame}`).join('，')
                      : '',
                })
          }
        />
      )}
    </>
  );
}
