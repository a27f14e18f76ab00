/**
 * 抽查方案自动生成: items, cooperating departments, scope, grouping and a ratio → the generated
 * task list with estimated frame sizes and visits (joint visits vs. separate ones). The admin
 * edits titles, picks the tasks to keep, and saves them into the plan.
 */
import { normalizeRatioCap } from '@openssj/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import type { SchemeBody, SchemeResult } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';

type SchemeTask = SchemeResult['tasks'][number];

interface Values {
  titlePrefix: string;
  cooperating: string[];
  itemIds: string[];
  grouping: SchemeBody['grouping'];
  ratio: number;
  divisions: string[];
  tags: string[];
  windowStart: string;
  windowEnd: string;
}

/** The scheme generator of a plan. */
export function SchemeModal(props: {
  readonly planId: string;
  readonly year: number;
  readonly lead: string;
  readonly onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<SchemeTask[] | null>(null);
  const [keep, setKeep] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const cooperating = Form.useWatch('cooperating', form) ?? [];
  const org = useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org', {})) });
  const depts = [props.lead, ...cooperating];
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
  const onError = (e: unknown) => setError(e instanceof ApiError ? e.messageIn(lang) : String(e));
  const generate = useMutation({
    mutationFn: (body: SchemeBody) =>
      unwrap(api.POST('/api/plans/{id}/scheme', { params: { path: { id: props.planId } }, body })),
    meta: { silent: true },
    onSuccess: (r) => {
      setError(null);
      setResult(r.tasks);
      setKeep(new Set(r.tasks.map((_, i) => i)));
    },
    onError,
  });
  const save = useMutation({
    mutationFn: async (tasks: SchemeTask[]) => {
      for (const s of tasks) {
        await unwrap(
          api.POST('/api/plans/{id}/tasks', {
            params: { path: { id: props.planId } },
            body: {
              title: s.title,
              itemIds: s.itemIds,
              scope: s.scope,
              strata: s.strata.map(({ name, tiers, ratio, min, max }) => ({ name, tiers, ratio, min, max })),
              windowStart: s.windowStart,
              windowEnd: s.windowEnd,
              participants: s.participants,
              jurisdictionRule: false,
              crossRegion: false,
            },
          }),
        );
      }
    },
    meta: { silent: true },
    onSuccess: props.onClose,
    onError,
  });
  const submit = (v: Values) => {
    const r = normalizeRatioCap(`${v.ratio}%`);
    if (!r.ok) {
      setError(t('wf.task.badRatio', { stratum: t('wf.stratum.all') }));
      return;
    }
    generate.mutate({
      titlePrefix: v.titlePrefix,
      cooperating: v.cooperating,
      itemIds: v.itemIds,
      grouping: v.grouping,
      scope: {
        divisions: v.divisions,
        tags: v.tags,
        industries: [],
        types: [],
        statuses: ['在营'],
        claimedBy: [],
      },
      strata: [{ name: 'all', tiers: null, ratio: r.value, min: 0, max: null }],
      windowStart: v.windowStart,
      windowEnd: v.windowEnd,
    });
  };
  const kept = (result ?? []).filter((_, i) => keep.has(i));
  return (
    <Modal
      open
      width={980}
      title={t('wf.scheme.title')}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          titlePrefix: t('wf.scheme.defaultPrefix', { year: props.year }),
          cooperating: [],
          itemIds: [],
          grouping: 'joint',
          ratio: 5,
          divisions: [],
          tags: [],
          windowStart: `${props.year}-03-01`,
          windowEnd: `${props.year}-05-31`,
        }}
        onFinish={submit}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="titlePrefix" label={t('wf.scheme.prefix')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="cooperating" label={t('wf.scheme.cooperating')}>
              <Select
                mode="multiple"
                options={(org.data?.departments ?? [])
                  .filter((d) => d.code !== props.lead)
                  .map((d) => ({ value: d.code, label: d.name }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="itemIds" label={t('wf.task.items')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(items.data ?? []).map((i) => ({
              value: i.id,
              label: `${i.name}（${i.departmentName}）`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="grouping" label={t('wf.scheme.grouping')}>
              <Radio.Group
                options={[
                  { value: 'joint', label: t('wf.scheme.joint') },
                  { value: 'byDepartment', label: t('wf.scheme.byDepartment') },
                  { value: 'byDivision', label: t('wf.scheme.byDivision') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="ratio" label={t('wf.task.ratio')}>
              <InputNumber min={0.01} max={100} suffix="%" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="divisions" label={t('wf.scope.divisions')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="tags" label={t('wf.scope.tags')}>
              <Select mode="tags" tokenSeparators={[',', ' ']} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="windowStart" label={t('wf.task.windowStart')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="windowEnd" label={t('wf.task.windowEnd')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={generate.isPending}>
          {t('wf.scheme.generate')}
        </Button>
      </Form>
      {result !== null && (
        <>
          <Space size={48} style={{ margin: '16px 0' }}>
            <Statistic title={t('wf.scheme.visits')} value={kept.reduce((a, x) => a + x.visits, 0)} />
            <Statistic
              title={t('wf.scheme.separateVisits')}
              value={kept.reduce((a, x) => a + x.separateVisits, 0)}
            />
          </Space>
          <Table<SchemeTask>
            rowKey={(r) => r.title}
            size="small"
            pagination={false}
            dataSource={result}
            columns={[
              {
                title: '',
                width: 40,
                render: (_, __, i) => (
                  <Checkbox
                    checked={keep.has(i)}
                    onChange={(e) =>
                      setKeep((k) => {
                        const n = new Set(k);
                        if (e.target.checked) {
                          n.add(i);
                        } else {
                          n.delete(i);
                        }
                        return n;
                      })
                    }
                  />
                ),
              },
              {
                title: t('wf.task.title'),
                render: (_, r, i) => (
                  <Input
                    value={r.title}
                    onChange={(e) =>
                      setResult((rs) =>
                        (rs ?? []).map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                      )
                    }
                  />
                ),
              },
              { title: t('wf.task.lead'), dataIndex: 'lead', width: 120 },
              { title: t('wf.task.participants'), render: (_, r) => r.participants.join('、'), width: 140 },
              {
                title: t('wf.scheme.frame'),
                render: (_, r) => r.strata.reduce((a, s) => a + s.frameEstimate, 0),
                width: 90,
              },
              { title: t('wf.scheme.visits'), dataIndex: 'visits', width: 80 },
              {
                title: t('wf.scheme.cap'),
                width: 120,
                render: (_, r) =>
                  r.ratioCap === null || r.ratioCap.within ? (
                    (r.ratioCap?.overallPercent ?? '—')
                  ) : (
                    <span style={{ color: '#cf1322' }}>{r.ratioCap.overallPercent} ✗</span>
                  ),
              },
            ]}
          />
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            disabled={kept.length === 0}
            loading={save.isPending}
            onClick={() => save.mutate(kept)}
          >
            {t('wf.scheme.keep', { n: kept.length })}
          </Button>
        </>
      )}
    </Modal>
  );
}
