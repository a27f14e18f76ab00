/**
 * 异议与信用修复 on the portal (issue 16 part 2): a business names its USCC and the code on its
 * inspection notice, sees its published result with what it has filed and what it may still
 * file, and files an objection or a credit-repair application with up to three files. The
 * code stays in the page's memory only (never in the URL).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Grid, Input, Result, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import { formatDateTime } from '../../format/china-time';
import { useI18n } from '../../hooks/use-i18n';
import { AppealFilingForm, type AppealBody } from './appeals/AppealFilingForm';
import { APPEAL_STATUS_COLORS } from './appeals/appeal-status';

interface Key {
  readonly uscc: string;
  readonly noticeCode: string;
}

/** /appeals */
export function PortalAppealPage() {
  const { t, lang } = useI18n();
  const narrow = Grid.useBreakpoint().md === false;
  const [key, setKey] = useState<Key | null>(null);
  const [receipt, setReceipt] = useState<{ id: string; dueOn: string } | null>(null);
  const found = useQuery({
    queryKey: ['public-appeal-case', key],
    enabled: key !== null,
    retry: false,
    meta: { silent: true },
    queryFn: () =>
      unwrap(api.POST('/api/public/appeals/lookup', { body: key ?? { uscc: '', noticeCode: '' } })),
  });
  const c = found.data;
  return (
    <div className="ssj-portal-container" style={{ paddingTop: 24, paddingBottom: 24 }}>
      <Card title={t('appeals.portal.title')}>
        <Typography.Paragraph type="secondary">{t('appeals.portal.intro')}</Typography.Paragraph>
        <Form<Key>
          layout={narrow ? 'vertical' : 'inline'}
          onFinish={(v) => {
            setReceipt(null);
            setKey({ uscc: v.uscc.trim().toUpperCase(), noticeCode: v.noticeCode.trim().toUpperCase() });
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item
            name="uscc"
            label={t('appeals.portal.uscc')}
            rules={[
              { required: true, pattern: /^\s*[0-9A-Za-z]{18}\s*$/, message: t('appeals.portal.uscc') },
            ]}
          >
            <Input style={{ width: narrow ? '100%' : 240 }} maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="noticeCode"
            label={t('appeals.portal.code')}
            tooltip={t('appeals.portal.codeHint')}
            rules={[
              { required: true, pattern: /^\s*[0-9A-Fa-f]{10}\s*$/, message: t('appeals.portal.codeHint') },
            ]}
          >
            <Input style={{ width: narrow ? '100%' : 160 }} maxLength={12} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={found.isFetching}>
            {t('appeals.portal.find')}
          </Button>
        </Form>
        {found.isError && (
          <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorMessage(found.error, lang)} />
        )}
      </Card>
      {c !== undefined && key !== null && (
        <>
          <Card title={`${c.targetName} · ${t('appeals.portal.result')}`} style={{ marginTop: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={t('portal.col.taskName')}>{c.taskTitle}</Descriptions.Item>
              <Descriptions.Item label={t('appeals.portal.publishedOn')}>{c.publishedOn}</Descriptions.Item>
            </Descriptions>
            <Table
              style={{ marginTop: 12 }}
              size="small"
              pagination={false}
              rowKey={(r) => r.itemName}
              dataSource={c.results}
              columns={[
                { title: t('portal.col.itemName'), dataIndex: 'itemName' },
                { title: t('portal.col.result'), render: (_, r) => r.category ?? '—' },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t('appeals.portal.lastDay', { n: c.objectionWorkingDays, date: c.objectionLastDay })}
            </Typography.Paragraph>
          </Card>
          <Card title={t('appeals.portal.history')} style={{ marginTop: 16 }}>
            {c.appeals.length === 0 ? (
              <Typography.Text type="secondary">{t('appeals.portal.none')}</Typography.Text>
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={c.appeals}
                scroll={{ x: 640 }}
                columns={[
                  {
                    title: t('appeals.col.filedAt'),
                    render: (_, a) => formatDateTime(a.filedAt),
                    width: 150,
                  },
                  { title: t('appeals.col.kind'), render: (_, a) => t(`appeals.kind.${a.kind}`), width: 90 },
                  {
                    title: t('appeals.col.status'),
                    width: 120,
                    render: (_, a) => (
                      <Tag color={APPEAL_STATUS_COLORS[a.status]} data-testid="appeal-status">
                        {t(`appeals.status.${a.status}`)}
                      </Tag>
                    ),
                  },
                  { title: t('appeals.col.due'), dataIndex: 'dueOn', width: 110 },
                  { title: t('appeals.col.reason'), render: (_, a) => a.reason ?? '—' },
                ]}
              />
            )}
          </Card>
          {receipt !== null ? (
            <Result
              status="success"
              title={t('appeals.portal.sent', {
                id: receipt.id.slice(0, 8).toUpperCase(),
                due: receipt.dueOn,
              })}
            />
          ) : (
            <Card title={t('appeals.portal.file')} style={{ marginTop: 16 }}>
              <AppealFilingForm
                may={c.may}
                onFiled={(r) => {
                  setReceipt(r);
                  void found.refetch();
                }}
                file={(body: AppealBody) =>
                  unwrap(api.POST('/api/public/appeals', { body: { ...key, ...body } }))
                }
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
