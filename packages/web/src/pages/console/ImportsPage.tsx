/**
 * 数据导入: choose what to import, download its template, upload with a mode (all-or-nothing,
 * valid rows only, dry run), follow the job's progress (cancellable), then read the counts
 * and the per-row errors, with the xlsx error report to download.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Progress,
  Radio,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type { ImportJob, ImportQuery } from '../../api/target-types';
import { hasKeys, uploadFile } from '../../api/upload';
import { useI18n } from '../../hooks/use-i18n';
import type { MessageKey } from '../../i18n/types';

type Kind = ImportQuery['kind'];
type Mode = 'all' | 'valid' | 'dry';
type Issue = ImportJob['issues'][number];

const KINDS: readonly Kind[] = ['targets', 'inspectors', 'items', 'tiers', 'risk-facts'];

function isStart(body: unknown): body is { jobId: string } {
  return hasKeys(body, ['jobId']) && typeof body['jobId'] === 'string';
}

function percentOf(job: ImportJob): number {
  if (job.status !== 'running') {
    return 100;
  }
  return Math.round(job.phase === 'writing' ? 50 + job.fraction * 50 : job.fraction * 50);
}

function statusKey(job: ImportJob): MessageKey {
  switch (job.status) {
    case 'done':
      return job.dryRun ? 'imp.status.dry' : 'imp.status.done';
    case 'rejected':
      return 'imp.status.rejected';
    case 'failed':
      return 'imp.status.failed';
    case 'cancelled':
      return 'imp.status.cancelled';
    case 'running':
      if (job.step !== null) {
        return job.step === 'indexing' ? 'imp.indexing' : 'imp.merging';
      }
      return job.phase === 'writing' ? 'imp.writing' : 'imp.validating';
  }
}

/** The data import page at /console/imports. */
export function ImportsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>('targets');
  const [mode, setMode] = useState<Mode>('all');
  const [jobId, setJobId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (file: File) => {
      const q = new URLSearchParams({
        kind,
        mode: mode === 'valid' ? 'valid-only' : 'all-or-nothing',
        dryRun: mode === 'dry' ? 'true' : 'false',
      });
      return uploadFile(`/api/imports?${q.toString()}`, file, isStart);
    },
    onSuccess: (r) => setJobId(r.jobId),
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const job = useQuery({
    queryKey: ['imports', 'job', jobId],
    enabled: jobId !== null,
    queryFn: () => unwrap(api.GET('/api/imports/jobs/{id}', { params: { path: { id: jobId ?? '' } } })),
    refetchInterval: (q) => (q.state.data?.status === 'running' || q.state.data === undefined ? 700 : false),
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/imports/jobs/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => {
      void message.info(t('imp.cancelled'));
      void job.refetch();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const j = job.data;
  const columns: TableColumnsType<Issue> = [
    { title: t('imp.col.row'), dataIndex: 'row', width: 72 },
    {
      title: t('imp.col.column'),
      key: 'column',
      width: 150,
      render: (_: unknown, i: Issue) => (lang === 'en' ? i.columnEn : i.column),
    },
    { title: t('imp.col.value'), dataIndex: 'value', width: 200, ellipsis: true },
    {
      title: t('imp.col.reason'),
      key: 'reason',
      render: (_: unknown, i: Issue) => (lang === 'en' ? i.messageEn : i.messageZh),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('imp.title')}
      </Typography.Title>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Text strong>{t('imp.kind')}</Typography.Text>
            <div>
              <Radio.Group
                value={kind}
                onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'targets')}
                optionType="button"
                disabled={j?.status === 'running'}
              >
                {KINDS.map((k) => (
                  <Radio.Button key={k} value={k}>
                    {t(`imp.kind.${k}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </div>
            {kind === 'risk-facts' && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="kind-hint">
                {t('imp.hint.risk-facts')}
              </Typography.Paragraph>
            )}
          </div>
          <Button
            icon={<DownloadOutlined />}
            href={`/api/imports/templates/${kind}`}
            data-testid="template-link"
          >
            {t('imp.template')}
          </Button>
          <div>
            <Typography.Text strong>{t('imp.mode')}</Typography.Text>
            <div>
              <Radio.Group
                value={mode}
                onChange={(e) =>
                  setMode(e.target.value === 'valid' ? 'valid' : e.target.value === 'dry' ? 'dry' : 'all')
                }
              >
                <Space direction="vertical">
                  <Radio value="all">{t('imp.mode.all')}</Radio>
                  <Radio value="valid">{t('imp.mode.valid')}</Radio>
                  <Radio value="dry">{t('imp.mode.dry')}</Radio>
                </Space>
              </Radio.Group>
            </div>
            <Typography.Text type="secondary">{t('imp.modeHint')}</Typography.Text>
          </div>
          <Upload.Dragger
            accept=".xlsx,.csv,.xls"
            showUploadList={false}
            multiple={false}
            disabled={start.isPending || j?.status === 'running'}
            beforeUpload={(file) => {
              start.mutate(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imp.upload')}</p>
            <p className="ant-upload-hint">{t('imp.uploadHint')}</p>
          </Upload.Dragger>
        </Space>
      </Card>
      {j !== undefined && (
        <Card title={j.fileName} data-testid="import-job">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Progress
              aria-label={t('progress.import')}
              percent={percentOf(j)}
              status={j.status === 'running' ? 'active' : j.status === 'done' ? 'success' : 'exception'}
            />
            <Space wrap>
              <Typography.Text strong data-testid="import-status">
                {t(statusKey(j))}
              </Typography.Text>
              {j.status === 'running' && (
                <Typography.Text type="secondary">{t('imp.rows', { n: j.processed })}</Typography.Text>
              )}
              {j.status === 'running' && (
                <Button danger loading={cancel.isPending} onClick={() => cancel.mutate(j.id)}>
                  {t('imp.cancel')}
                </Button>
              )}
            </Space>
            {j.error !== null && (
              <Alert type="error" showIcon message={lang === 'en' ? j.error.messageEn : j.error.message} />
            )}
            {j.counts !== null && (
              <Space wrap size="large">
                <Statistic title={t('imp.count.rows')} value={j.counts.rows} />
                <Statistic title={t('imp.count.added')} value={j.counts.added} />
                <Statistic title={t('imp.count.updated')} value={j.counts.updated} />
                <Statistic title={t('imp.count.unchanged')} value={j.counts.unchanged} />
                <Statistic
                  title={t('imp.count.rejected')}
                  value={j.counts.rejected}
                  valueStyle={j.counts.rejected > 0 ? { color: '#cf1322' } : {}}
                />
              </Space>
            )}
            {j.issuesTotal > 0 && (
              <>
                <Space wrap>
                  <Typography.Text strong>{t('imp.issues', { n: j.issuesTotal })}</Typography.Text>
                  <Button icon={<DownloadOutlined />} href={`/api/imports/jobs/${j.id}/report`}>
                    {t('imp.report')}
                  </Button>
                </Space>
                <Table<Issue>
                  data-testid="import-issues"
                  size="small"
                  rowKey={(i) => `${i.row}-${i.column}-${i.messageEn}`}
                  columns={columns}
                  dataSource={j.issues}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  scroll={{ x: 640 }}
                />
              </>
            )}
            {j.status !== 'running' && <Button onClick={() => setJobId(null)}>{t('imp.again')}</Button>}
          </Space>
        </Card>
      )}
    </Space>
  );
}
