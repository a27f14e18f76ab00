/**
 * 异议与信用修复期限 of one region (issue 16 part 2): how many working days after publication a
 * business may object, and how many the reviewing leader has to decide. The nearest region up
 * the chain wins, else 15 and 10; an admin of the region sets them or lets them inherit again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { OrgRegion } from '../../../api/settings-types';
import { useI18n } from '../../../hooks/use-i18n';
import { regionName } from './region-settings';

interface Terms {
  objectionWorkingDays: number;
  decisionWorkingDays: number;
}

/** The card for `region`. */
export function AppealTermsCard({ region, regions }: { region: string; regions: readonly OrgRegion[] }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Terms>();
  const key = ['appeal-terms', region];
  const q = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/appeal-terms', { params: { query: { region } } })),
  });
  useEffect(() => {
    if (q.data !== undefined) {
      form.setFieldsValue(q.data.config);
    }
  }, [q.data, form]);
  const done = () => {
    void message.success(t('appeals.terms.saved'));
    void qc.invalidateQueries({ queryKey: key });
  };
  const save = useMutation({
    mutationFn: (config: Terms) =>
      unwrap(api.PUT('/api/appeal-terms', { body: { regionCode: region, config } })),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const reset = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/appeal-terms', { params: { query: { region } } })),
    onSuccess: done,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const v = q.data;
  const source =
    v === undefined
      ? ''
      : v.source === 'default'
        ? t('appeals.terms.default')
        : v.source === 'global'
          ? 'global'
          : regionName(regions, v.source);
  return (
    <Card size="small" title={t('appeals.terms')} loading={q.isLoading}>
      <Typography.Paragraph type="secondary">{t('appeals.terms.source', { source })}</Typography.Paragraph>
      <Form<Terms>
        form={form}
        layout="inline"
        disabled={v?.canEdit !== true}
        onFinish={(x) => save.mutate(x)}
      >
        <Form.Item
          name="objectionWorkingDays"
          label={t('appeals.terms.objection')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="decisionWorkingDays"
          label={t('appeals.terms.decision')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        {v?.canEdit === true && (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('appeals.terms.save')}
            </Button>
            {v.source === region && (
              <Button loading={reset.isPending} onClick={() => reset.mutate()}>
                {t('appeals.terms.reset')}
              </Button>
            )}
          </Space>
        )}
      </Form>
    </Card>
  );
}
