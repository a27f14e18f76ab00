/**
 * 考核指标与权重 of one region (issue 6): each criterion with its weight (points) and the rate that
 * earns full points. Checked in the browser with core's validateEvaluationConfig, the server's own
 * check, so both give the same Chinese message on the same field; saved after a confirmation that
 * lists the changes, then the evaluation report reloads. Read-only for those who may not change it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DEFAULT_EVALUATION_CONFIG,
  EVALUATION_CRITERIA,
  validateEvaluationConfig,
  type EvaluationConfig,
  type FieldIssue,
} from '@openssj/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Grid,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { OrgRegion } from '../../../api/settings-types';
import { useI18n } from '../../../hooks/use-i18n';
import type { MessageKey } from '../../../i18n/types';
import {
  configOf,
  criteriaChanges,
  fieldOfIssue,
  regionName,
  rowsOf,
  serverIssues,
  unusedCriteria,
  weightSum,
  type CriterionRow,
  type FieldPath,
} from './region-settings';

type Key = EvaluationConfig['criteria'][number]['key'];

export const CRITERION_LABEL: Readonly<Record<Key, MessageKey>> = {
  planOnTime: 'eval.criterion.planOnTime',
  coverage: 'eval.criterion.coverage',
  jointShare: 'eval.criterion.jointShare',
  onTimePublication: 'eval.criterion.onTimePublication',
  followUpClosure: 'eval.criterion.followUpClosure',
  riskUsage: 'eval.criterion.riskUsage',
  problemDiscovery: 'eval.criterion.problemDiscovery',
};

interface FormValues {
  criteria: CriterionRow[];
}

/** The criteria editor of a region. */
export function EvaluationCriteriaCard({
  region,
  regions,
}: {
  readonly region: string;
  readonly regions: readonly OrgRegion[];
}) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [listErrors, setListErrors] = useState<string[]>([]);
  // side by side on a wide screen (labels once, above the first row); stacked on a phone, labelled each time
  const wide = Grid.useBreakpoint().sm === true;
  const view = useQuery({
    queryKey: ['evaluation', 'criteria', region],
    queryFn: () => unwrap(api.GET('/api/evaluation/criteria', { params: { query: { region } } })),
  });
  const v = view.data;
  useEffect(() => {
    if (v !== undefined) {
      form.resetFields();
      form.setFieldsValue({ criteria: rowsOf(v.config) });
      setListErrors([]);
    }
  }, [v, form]);
  const watched = Form.useWatch('criteria', form);
  const rows: CriterionRow[] = watched ?? [];
  const readOnly = v?.canEdit !== true;
  const name = regionName(regions, region);

  const showIssues = (issues: readonly FieldIssue[]) => {
    const current: CriterionRow[] = form.getFieldsValue().criteria ?? [];
    const slots = new Map<string, { name: FieldPath; errors: string[] }>();
    current.forEach((_, i) => {
      for (const leaf of ['key', 'weight', 'targetPct'] as const) {
        slots.set(`${i}.${leaf}`, { name: ['criteria', i, leaf], errors: [] });
      }
    });
    const general: string[] = [];
    for (const issue of issues) {
      const text = lang === 'en' ? issue.messageEn : issue.messageZh;
      const path = fieldOfIssue(issue.field);
      const slot = path === null ? undefined : slots.get(`${path[1]}.${path[2]}`);
      if (slot === undefined) {
        general.push(text);
      } else {
        slot.errors.push(text);
      }
    }
    form.setFields([...slots.values()]);
    setListErrors(general);
  };

  const done = async (text: string) => {
    void message.success(text);
    // the report and every view of the criteria reload (the region's and those inheriting from it)
    await qc.invalidateQueries({ queryKey: ['evaluation'] });
  };
  const save = useMutation({
    mutationFn: (config: EvaluationConfig) =>
      unwrap(api.PUT('/api/evaluation/criteria', { body: { regionCode: region, config } })),
    onSuccess: () => done(t('crit.saved')),
    onError: (e) => {
      const issues = serverIssues(e);
      if (issues.length > 0) {
        showIssues(issues);
      }
      void message.error(errorMessage(e, lang));
    },
  });
  const reset = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/evaluation/criteria', { params: { query: { region } } })),
    onSuccess: () => done(t('crit.resetDone')),
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const pct = (x: number) => String(Math.round(x * 10_000) / 100);
  const onSave = () => {
    if (v === undefined) {
      return;
    }
    const checked = validateEvaluationConfig(configOf(form.getFieldsValue().criteria ?? []));
    if (!checked.ok) {
      showIssues(
        checked.error.issues ?? [
          { field: 'criteria', messageZh: checked.error.messageZh, messageEn: checked.error.messageEn },
        ],
      );
      void message.error(t('crit.invalid'));
      return;
    }
    showIssues([]);
    const changes = criteriaChanges(v.config, checked.value);
    const value = (x: { weight: number; target: number } | null) =>
      x === null ? '—' : t('crit.change.value', { weight: x.weight, target: pct(x.target) });
    modal.confirm({
      title: t('crit.confirmTitle', { region: name }),
      width: 520,
      content: (
        <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="criteria-changes">
          {changes.length === 0 && <Typography.Text>{t('crit.confirmNoChange')}</Typography.Text>}
          {changes.map((c) => (
            <Typography.Text key={c.key}>
              <Tag color={c.kind === 'added' ? 'green' : c.kind === 'removed' ? 'red' : 'blue'}>
                {t(`crit.change.${c.kind}`)}
              </Tag>
              {t('crit.change.line', {
                name: t(CRITERION_LABEL[c.key]),
                before: value(c.before),
                after: value(c.after),
              })}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary">{t('crit.confirmBody', { region: name })}</Typography.Text>
        </Space>
      ),
      okText: t('crit.save'),
      onOk: () => save.mutateAsync(checked.value).catch(() => undefined),
    });
  };

  const sum = weightSum(rows);
  const source =
    v === undefined
      ? ''
      : v.source === 'default'
        ? t('crit.source.default')
        : v.source === region
          ? t('crit.source.own')
          : t('crit.source.inherited', { region: regionName(regions, v.source) });
  return (
    <Card
      size="small"
      title={t('crit.title', { region: name })}
      loading={view.isLoading}
      extra={<Tag color={v?.source === region ? 'blue' : 'default'}>{source}</Tag>}
      data-testid="criteria-card"
    >
      {view.isError && <Alert type="error" showIcon message={errorMessage(view.error, lang)} />}
      {v !== undefined && readOnly && (
        <Alert type="info" showIcon message={t('crit.readonly')} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        size="small"
        disabled={readOnly}
        onValuesChange={() => setListErrors([])}
      >
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => {
                const key = rows[i]?.key;
                const label = key === undefined ? t('crit.keyOf', { n: i + 1 }) : t(CRITERION_LABEL[key]);
                const showLabel = !wide || i === 0;
                return (
                  <Row key={f.key} gutter={8} align="bottom" className="ssj-criterion-row">
                    <Col xs={24} sm={10}>
                      <Form.Item
                        name={[f.name, 'key']}
                        label={showLabel && t('crit.criterion')}
                        style={{ marginBottom: 8 }}
                      >
                        <Select<Key>
                          aria-label={t('crit.keyOf', { n: i + 1 })}
                          options={EVALUATION_CRITERIA.map((k) => ({
                            value: k,
                            label: t(CRITERION_LABEL[k]),
                            disabled: k !== key && rows.some((r) => r.key === k),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={6}>
                      <Form.Item
                        name={[f.name, 'weight']}
                        label={showLabel && t('crit.weight')}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          aria-label={t('crit.weightOf', { name: label })}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={6}>
                      <Form.Item
                        name={[f.name, 'targetPct']}
                        label={showLabel && t('crit.target')}
                        tooltip={showLabel ? t('crit.targetHelp') : undefined}
                        style={{ marginBottom: 8 }}
                      >
                        <InputNumber
                          aria-label={t('crit.targetOf', { name: label })}
                          suffix="%"
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    {!readOnly && (
                      <Col xs={4} sm={2}>
                        <Form.Item style={{ marginBottom: 8 }}>
                          <Button
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={`${t('crit.remove')}：${label}`}
                            onClick={() => remove(f.name)}
                          />
                        </Form.Item>
                      </Col>
                    )}
                  </Row>
                );
              })}
              {!readOnly && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={unusedCriteria(rows).length === 0}
                  onClick={() => add({ key: unusedCriteria(rows)[0], weight: 0, targetPct: 100 })}
                  style={{ marginBottom: 12 }}
                >
                  {t('crit.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
      {listErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={listErrors.map((e) => (
            <div key={e}>{e}</div>
          ))}
        />
      )}
      <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text strong data-testid="criteria-sum">
          {t('crit.sum', { sum })}
        </Typography.Text>
        <Typography.Text type={sum === 100 ? 'secondary' : 'warning'}>
          {sum === 100 ? t('crit.sumNote') : t('crit.sumNot100')}
        </Typography.Text>
      </Space>
      {!readOnly && (
        <Space wrap>
          <Button type="primary" onClick={onSave} loading={save.isPending}>
            {t('crit.save')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue({ criteria: rowsOf(DEFAULT_EVALUATION_CONFIG) });
              showIssues([]);
            }}
          >
            {t('crit.defaults')}
          </Button>
          {v?.source === region && (
            <Popconfirm title={t('crit.resetConfirm', { region: name })} onConfirm={() => reset.mutate()}>
              <Button loading={reset.isPending}>{t('crit.reset')}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Card>
  );
}
