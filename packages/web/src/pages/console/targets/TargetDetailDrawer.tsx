/**
 * One target: its fields, dated status history, the claims the user may see, a dated status
 * change, and the way to edit.
 */
import { allows, TARGET_STATUSES } from '@openssj/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { TargetDetail } from '../../../api/target-types';
import { TargetRiskExplain } from '../../../components/TargetRiskExplain';
import { useCurrentUser } from '../../../hooks/use-current-user';
import { useI18n } from '../../../hooks/use-i18n';

interface Props {
  readonly id: string | null;
  readonly canWrite: boolean;
  readonly onClose: () => void;
  readonly onEdit: (t: TargetDetail) => void;
  readonly onChanged: () => void;
}

/** The detail drawer of a target. */
export function TargetDetailDrawer({ id, canWrite, onClose, onEdit, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: string; effectiveDate: string }>();
  const detail = useQuery({
    queryKey: ['targets', 'detail', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/targets/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const change = useMutation({
    mutationFn: (v: { status: string; effectiveDate: string }) =>
      unwrap(api.POST('/api/targets/{id}/status', { params: { path: { id: id ?? '' } }, body: v })),
    onSuccess: () => {
      void message.success(t('tgt.statusChanged'));
      form.resetFields();
      void detail.refetch();
      onChanged();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const d = detail.data;
  const me = useCurrentUser();
  // issue 10: the same policy as the server: the region's keeper edits, other admins of the region retag
  const actor = { roles: me.roles, departmentCode: me.department.code, regionCode: me.department.regionCode };
  const resource = { kind: 'target', divisionCode: d?.divisionCode ?? '' } as const;
  const mayWrite = canWrite && d !== undefined && allows(actor, 'target.write', resource);
  const mayEdit = mayWrite || (canWrite && d !== undefined && allows(actor, 'target.tag', resource));
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={d?.name ?? t('tgt.detail')}
      width="min(640px, 100vw)"
      extra={
        mayEdit && d !== undefined ? (
          <Button type="primary" onClick={() => onEdit(d)}>
            {t('tgt.edit')}
          </Button>
        ) : null
      }
    >
      {d !== undefined && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('tgt.id')}>{d.id}</Descriptions.Item>
            <Descriptions.Item label={t('tgt.type')}>{d.type}</Descriptions.Item>
            <Descriptions.Item label={t('tgt.division')}>
              {d.divisionCode} {d.divisionName ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('tgt.address')}>{d.address}</Descriptions.Item>
            <Descriptions.Item label={t('tgt.industry')}>
              {d.industryCode ?? ''} {d.industryName ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('tgt.legalRep')}>{d.legalRep ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('tgt.status')}>
              <Tag color={d.status === '在营' ? 'green' : 'default'}>{d.status}</Tag> {d.statusDate ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('tgt.unit')}>{d.supervisingUnit ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('tgt.tier')}>
              {d.riskTier ?? ''} {d.tierSource !== null ? `（${d.tierSource} ${d.tierDate ?? ''}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('tgt.tags')}>
              {d.tags.map((x) => (
                <Tag key={x}>{x}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <TargetRiskExplain targetId={d.id} />
          <div>
            <Typography.Title level={5}>{t('tgt.history')}</Typography.Title>
            <Timeline
              items={d.statusHistory.map((h) => ({
                children: `${h.effectiveDate} ${h.status}${h.recordedBy !== null ? ` · ${h.recordedBy}` : ''}`,
              }))}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('tgt.claims')}</Typography.Title>
            {d.claims.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tgt.noClaims')} />
            ) : (
              d.claims.map((c) => (
                <Tag key={c.departmentCode} color="blue">
                  {c.departmentCode} · {c.claimedAt.slice(0, 10)}
                </Tag>
              ))
            )}
          </div>
          {mayWrite && (
            <div>
              <Typography.Title level={5}>{t('tgt.changeStatus')}</Typography.Title>
              <Form form={form} layout="inline" onFinish={(v) => change.mutate(v)}>
                <Form.Item name="status" rules={[{ required: true }]}>
                  <Select
                    style={{ width: 120 }}
                    placeholder={t('tgt.status')}
                    options={TARGET_STATUSES.filter((s) => s !== d.status).map((s) => ({
                      value: s,
                      label: s,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="effectiveDate" rules={[{ required: true }]}>
                  <Input type="date" aria-label={t('tgt.effectiveDate')} />
                </Form.Item>
                <Form.Item>
                  <Button htmlType="submit" loading={change.isPending}>
                    {t('tgt.changeStatus')}
                  </Button>
                </Form.Item>
              </Form>
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
