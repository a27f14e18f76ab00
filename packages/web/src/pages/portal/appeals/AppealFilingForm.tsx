/**
 * The filing form of the portal's 异议与信用修复 page: the kind (each shown with why it is not
 * possible now, when it is not), the facts and reasons, a contact, and up to three files read
 * as data URLs in the browser (JPG, PNG or PDF, 3 MB each; the server checks the bytes again).
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { useI18n } from '../../../hooks/use-i18n';

export type AppealKind = 'objection' | 'credit_repair';
export interface AppealBody {
  kind: AppealKind;
  text: string;
  contact: string;
  attachments: { fileName: string; dataUrl: string }[];
}
type May = Record<AppealKind, { allowed: boolean; reasonZh: string | null; reasonEn: string | null }>;

const MAX_BYTES = 3 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,application/pdf';

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(typeof r.result === 'string' ? r.result : '');
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

/** The form; `file` sends it, `onFiled` gets the receipt. */
export function AppealFilingForm(props: {
  may: May;
  file: (body: AppealBody) => Promise<{ id: string; dueOn: string }>;
  onFiled: (receipt: { id: string; dueOn: string }) => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: AppealKind; text: string; contact: string }>();
  const [files, setFiles] = useState<{ fileName: string; dataUrl: string }[]>([]);
  const picker = useRef<HTMLInputElement>(null);
  const kinds: AppealKind[] = ['objection', 'credit_repair'];
  const firstAllowed = kinds.find((k) => props.may[k].allowed);
  const kind = Form.useWatch('kind', form) ?? firstAllowed;
  const send = useMutation({
    mutationFn: (v: { kind: AppealKind; text: string; contact: string }) =>
      props.file({ ...v, attachments: files }),
    onSuccess: (r) => props.onFiled(r),
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  if (firstAllowed === undefined) {
    return (
      <Space direction="vertical">
        {kinds.map((k) => (
          <Alert
            key={k}
            type="info"
            showIcon
            message={`${t(`appeals.kind.${k}`)}：${t('appeals.portal.notAllowed', {
              reason: (lang === 'en' ? props.may[k].reasonEn : props.may[k].reasonZh) ?? '',
            })}`}
          />
        ))}
      </Space>
    );
  }
  const pick = async (list: FileList | null) => {
    const chosen = [...(list ?? [])].slice(0, 3 - files.length);
    const read: { fileName: string; dataUrl: string }[] = [];
    for (const f of chosen) {
      if (f.size > MAX_BYTES) {
        void message.error(t('appeals.portal.tooLarge', { name: f.name }));
        continue;
      }
      read.push({ fileName: f.name, dataUrl: await readDataUrl(f) });
    }
    setFiles((cur) => [...cur, ...read].slice(0, 3));
  };
  const blocked = kind !== undefined && !props.may[kind].allowed;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: firstAllowed }}
      onFinish={(v) => send.mutate(v)}
    >
      <Form.Item name="kind" label={t('appeals.portal.kind')} rules={[{ required: true }]}>
        <Radio.Group
          options={kinds.map((k) => ({
            value: k,
            label: t(`appeals.kind.${k}`),
            disabled: !props.may[k].allowed,
          }))}
        />
      </Form.Item>
      {kinds
        .filter((k) => !props.may[k].allowed)
        .map((k) => (
          <Typography.Paragraph key={k} type="secondary" style={{ marginTop: -12 }}>
            {t(`appeals.kind.${k}`)}：
            {t('appeals.portal.notAllowed', {
              reason: (lang === 'en' ? props.may[k].reasonEn : props.may[k].reasonZh) ?? '',
            })}
          </Typography.Paragraph>
        ))}
      <Form.Item
        name="text"
        label={t('appeals.portal.text')}
        extra={t('appeals.portal.textHint')}
        rules={[
          { required: true, min: 10, max: 2000, whitespace: true, message: t('appeals.portal.textHint') },
        ]}
      >
        <Input.TextArea rows={5} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="contact"
        label={t('appeals.portal.contact')}
        rules={[{ required: true, min: 2, max: 100, whitespace: true }]}
      >
        <Input maxLength={100} style={{ maxWidth: 360 }} />
      </Form.Item>
      <Form.Item label={t('appeals.portal.attachments')}>
        <Space direction="vertical">
          <input
            ref={picker}
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            data-testid="appeal-files"
            aria-label={t('appeals.portal.pick')}
            onChange={(e) => {
              void pick(e.target.files);
              e.target.value = '';
            }}
          />
          <Button
            icon={<PaperClipOutlined />}
            disabled={files.length >= 3}
            onClick={() => picker.current?.click()}
          >
            {t('appeals.portal.pick')}
          </Button>
          <Space wrap>
            {files.map((f) => (
              <Tag key={f.fileName} closable onClose={() => setFiles((cur) => cur.filter((x) => x !== f))}>
                {f.fileName}
              </Tag>
            ))}
          </Space>
        </Space>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={send.isPending} disabled={blocked}>
        {t('appeals.portal.submit')}
      </Button>
    </Form>
  );
}
