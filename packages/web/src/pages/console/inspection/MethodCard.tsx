/**
 * 检查方式 (issue 15, part 3): on site, or remote (书面检查, 网络监测, 视频检查) with a record of
 * what was looked at. Saved on its own (version-checked like every change of the visit); a remote
 * inspection needs no signature on site, but still two inspectors' confirmations.
 */
import { VideoCameraOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { isRemoteMethod, VISIT_METHODS, type VisitMethod } from '@openssj/core';
import { Alert, App, Button, Card, Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';

/** The method card of the visit page; `onSaved` gets the server's new copy. */
export function MethodCard({
  view,
  editable,
  beforeSave,
  onSaved,
  reasons,
}: {
  readonly view: VisitView;
  readonly editable: boolean;
  /** Push the local draft first, so the version sent is current; false stops the save. */
  readonly beforeSave: () => Promise<boolean>;
  readonly onSaved: (v: VisitView) => void;
  readonly reasons: readonly string[];
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [method, setMethod] = useState<VisitMethod>(view.method);
  const [text, setText] = useState(view.remoteEvidence ?? '');
  const dirty =
    method !== view.method || (isRemoteMethod(method) && text.trim() !== (view.remoteEvidence ?? ''));
  const save = useMutation({
    mutationFn: async () => {
      if (!(await beforeSave())) {
        throw new Error(t('insp.unsynced'));
      }
      return unwrap(
        api.PUT('/api/inspections/{id}/method', {
          params: { path: { id: view.id } },
          body: { version: view.version, method, remoteEvidence: isRemoteMethod(method) ? text : null },
        }),
      );
    },
    onSuccess: (v) => {
      onSaved(v);
      void message.success(t('insp.method.saved'));
    },
    onError: (e) =>
      void message.error(e instanceof Error && !('code' in e) ? e.message : errorMessage(e, lang)),
    meta: { silent: true },
  });
  const remote = isRemoteMethod(method);
  return (
    <Card
      size="small"
      title={t('insp.method.title')}
      aria-label={t('insp.method.title')}
      extra={
        isRemoteMethod(view.method) ? (
          <Tag icon={<VideoCameraOutlined />} color="purple">
            {t('insp.method.remoteTag')}
          </Tag>
        ) : null
      }
    >
      {reasons.length > 0 && (
        <Alert type="error" showIcon role="alert" style={{ marginBottom: 8 }} title={reasons.join('；')} />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented<VisitMethod>
          block
          aria-label={t('insp.method.title')}
          disabled={!editable}
          value={method}
          onChange={setMethod}
          options={VISIT_METHODS.map((m) => ({ value: m, label: t(`insp.method.${m}`) }))}
        />
        {remote && (
          <Form layout="vertical">
            <Form.Item label={t('insp.method.evidence')} required extra={t('insp.method.evidenceHint')}>
              <Input.TextArea
                aria-label={t('insp.method.evidence')}
                disabled={!editable}
                autoSize={{ minRows: 2 }}
                maxLength={2000}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </Form.Item>
          </Form>
        )}
        {editable && dirty && (
          <Space wrap>
            <Typography.Text type="warning">{t('insp.method.unsavedChange')}</Typography.Text>
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
              {t('insp.method.save')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
