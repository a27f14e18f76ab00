/**
 * Bulk account import: template, upload (all-or-nothing, optional dry run), the errors by row and
 * column, and, once written, the one-time passwords to download as CSV (shown this once only).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../api/errors';
import type { paths } from '../../../api/schema';
import { hasKeys, uploadFile } from '../../../api/upload';
import { useI18n } from '../../../hooks/use-i18n';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type ImportReply = Json<paths['/api/users/import']['post']['responses'][200]>;
type Credential = ImportReply['credentials'][number];
type Issue = ImportReply['issues'][number];

function isImportReply(b: unknown): b is ImportReply {
  return hasKeys(b, ['written', 'issues', 'credentials']);
}

/** A CSV cell, quoted, with a leading quote before what a spreadsheet would run as a formula. */
function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

function downloadCredentials(rows: readonly Credential[], header: readonly string[]): void {
  const lines = [
    header,
    ...rows.map((c) => [
      c.username,
      c.displayName,
      c.departmentCode,
      c.inspectorBadge ?? '',
      c.oneTimePassword,
    ]),
  ];
  const csv = `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '初始密码.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** The modal. */
export function AccountImportModal(props: { readonly onClose: () => void; readonly onImported: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [dryRun, setDryRun] = useState(false);
  const [reply, setReply] = useState<ImportReply | null>(null);
  const run = useMutation({
    mutationFn: (file: File) => uploadFile(`/api/users/import?dryRun=${String(dryRun)}`, file, isImportReply),
    onSuccess: (r) => {
      setReply(r);
      if (r.written) {
        props.onImported();
      }
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Modal open width={860} title={t('users.importTitle')} onCancel={props.onClose} footer={null}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph>{t('users.importHint')}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/users/import/template">
            {t('users.template')}
          </Button>
          <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
            {t('users.dryRun')}
          </Checkbox>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              setReply(null);
              run.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={run.isPending}>
              {t('users.chooseFile')}
            </Button>
          </Upload>
        </Space>
        {reply !== null && reply.issues.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              message={t('users.importRejected', { n: reply.issues.length + reply.issuesOmitted })}
            />
            <Table<Issue>
              size="small"
              rowKey={(i) => `${i.row}-${i.column}-${i.messageZh}`}
              dataSource={reply.issues}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: t('users.issueRow'), dataIndex: 'row', width: 70 },
                { title: t('users.issueColumn'), render: (_, i) => (lang === 'en' ? i.columnEn : i.column) },
                { title: t('users.issueValue'), dataIndex: 'value' },
                {
                  title: t('users.issueReason'),
                  render: (_, i) => (lang === 'en' ? i.messageEn : i.messageZh),
                },
              ]}
            />
          </>
        )}
        {reply !== null && reply.issues.length === 0 && !reply.written && (
          <Alert type="success" showIcon message={t('users.importChecked', { n: reply.accepted })} />
        )}
        {reply !== null && reply.written && (
          <>
            <Alert type="success" showIcon message={t('users.importDone', { n: reply.added })} />
            <Alert type="warning" showIcon message={t('users.credentialsWarning')} />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadCredentials(reply.credentials, [
                  t('users.username'),
                  t('users.displayName'),
                  t('users.department'),
                  t('users.badgeShort'),
                  t('users.oneTimeTitle'),
                ])
              }
            >
              {t('users.downloadCredentials')}
            </Button>
            <Table<Credential>
              size="small"
              rowKey="username"
              dataSource={reply.credentials}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: t('users.username'), dataIndex: 'username' },
                { title: t('users.displayName'), dataIndex: 'displayName' },
                { title: t('users.badgeShort'), render: (_, c) => c.inspectorBadge ?? '—' },
                {
                  title: t('users.oneTimeTitle'),
                  render: (_, c) => <Typography.Text code>{c.oneTimePassword}</Typography.Text>,
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
