/**
 * The score model of a region (issue 6): weights per indicator, caps, look-back, cut-offs and
 * which source the library shows; editable by a market-regulation admin of the region or a
 * system admin, read-only otherwise.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  InputNumber,
  Radio,
  Row,
  Space,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { RiskModelConfig } from '../../../api/risk-types';
import { useI18n } from '../../../hooks/use-i18n';

const WEIGHTS = [
  'abnormalList',
  'penalties',
  'inspectionProblems',
  'complaints',
  'newRegistration',
  'industryGroup',
  'riskWarningTag',
  'annualReportOverdue',
  'riskAlerts',
] as const;
const CAPS = ['penalties', 'inspectionProblems', 'complaints', 'newRegistrationYears', 'riskAlerts'] as const;

/** The model card of a region. */
export function RiskModelCard({ region }: { readonly region: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<RiskModelConfig>();
  const model = useQuery({
    queryKey: ['risk', 'model', region],
    queryFn: () => unwrap(api.GET('/api/risk/model', { params: { query: { region } } })),
  });
  const save = useMutation({
    mutationFn: (config: RiskModelConfig) =>
      unwrap(api.PUT('/api/risk/model', { body: { regionCode: region, config } })),
    onSuccess: () => {
      void message.success(t('risk.model.saved'));
      void qc.invalidateQueries({ queryKey: ['risk', 'model', region] });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const m = model.data;
  useEffect(() => {
    if (m !== undefined) {
      form.setFieldsValue(m.config);
    }
  }, [m, form]);
  const readOnly = m?.canEdit !== true;
  const origin =
    m === undefined
      ? ''
      : m.sourceScope === 'default'
        ? t('risk.model.default')
        : m.inherited
          ? t('risk.model.inherited', { scope: m.sourceScope })
          : t('risk.model.own', { version: m.version, by: m.updatedBy ?? '' });
  const num = (min: number, step: number) => (
    <InputNumber
      min={min}
      step={step}
      precision={step < 1 ? 2 : 0}
      disabled={readOnly}
      style={{ width: '100%' }}
    />
  );
  return (
    <Card
      size="small"
      title={t('risk.model')}
      loading={model.isLoading}
      extra={<Typography.Text type="secondary">{origin}</Typography.Text>}
    >
      {readOnly && (
        <Alert type="info" showIcon message={t('risk.model.readonly')} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        size="small"
        onFinish={(v) =>
          m !== undefined &&
          save.mutate({
            ...m.config,
            ...v,
            weights: { ...m.config.weights, ...v.weights },
            caps: { ...m.config.caps, ...v.caps },
            cutoffs: { ...m.config.cutoffs, ...v.cutoffs },
          })
        }
      >
        <Divider titlePlacement="start" plain>
          {t('risk.model.weights')}
        </Divider>
        <Row gutter={12}>
          {WEIGHTS.map((k) => (
            <Col key={k} xs={12} md={6}>
              <Form.Item name={['weights', k]} label={t(`risk.indicator.${k}`)} rules={[{ required: true }]}>
                {num(0, 0.5)}
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start" plain>
          {t('risk.model.caps')}
        </Divider>
        <Row gutter={12}>
          {CAPS.map((k) => (
            <Col key={k} xs={12} md={6}>
              <Form.Item name={['caps', k]} label={t(`risk.model.cap.${k}`)} rules={[{ required: true }]}>
                {num(1, 1)}
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item
              name="inspectionLookbackYears"
              label={t('risk.model.lookback')}
              rules={[{ required: true }]}
            >
              {num(1, 1)}
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('risk.model.cutoffs')}
        </Divider>
        <Row gutter={12}>
          {(['B', 'C', 'D'] as const).map((k) => (
            <Col key={k} xs={8} md={6}>
              <Form.Item name={['cutoffs', k]} label={t(`risk.tier.${k}`)} rules={[{ required: true }]}>
                {num(0, 0.5)}
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="effectiveSource" label={t('risk.model.effectiveSource')}>
          <Radio.Group
            disabled={readOnly}
            options={[
              { value: 'computed', label: t('risk.model.source.computed') },
              { value: 'imported', label: t('risk.model.source.imported') },
            ]}
          />
        </Form.Item>
        {!readOnly && (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('risk.model.save')}
            </Button>
            <Button onClick={() => m !== undefined && form.setFieldsValue(m.defaults)}>
              {t('risk.model.reset')}
            </Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
