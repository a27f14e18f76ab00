/**
 * 同事在本机确认 (issue 11): a teammate without the app confirms the visit on this phone, with
 * their own username and password (this phone's session stays as it is) or with the one-time
 * code a leader or admin issued to them. The server checks and audits both.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';

/** The modal; `onDone` receives the updated visit. */
export function TeammateConfirmModal(props: {
  readonly view: VisitView;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onDone: (v: VisitView) => void;
}) {
  const { t, lang } = useI18n();
  const [method, setMethod] = useState<'password' | 'code'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const pending = props.view.team.filter(
    (m) => !m.expert && !m.confirmed && !props.view.me.inspectorIds.includes(m.inspectorId),
  );
  const [inspectorId, setInspectorId] = useState<string | undefined>(undefined);
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/inspections/{id}/confirm-on-device', {
          params: { path: { id: props.view.id } },
          body:
            method === 'password'
              ? { version: props.view.version, method, username: username.trim(), password }
              : { version: props.view.version, method, inspectorId: inspectorId ?? '', code: code.trim() },
        }),
      ),
    meta: { silent: true },
    onSuccess: (v) => {
      setPassword('');
      setCode('');
      props.onDone(v);
      props.onClose();
    },
  });
  const ready =
    method === 'password'
      ? username.trim() !== '' && password !== ''
      : inspectorId !== undefined && /^\d{6}$/.test(code.trim());
  return (
    <Modal
      open={props.open}
      title={t('insp.teammate.title')}
      okText={t('insp.teammate.ok')}
      cancelText={t('wf.cancel')}
      okButtonProps={{ disabled: !ready }}
      confirmLoading={confirm.isPending}
      onOk={() => confirm.mutate()}
      onCancel={() => {
        setPassword('');
        props.onClose();
      }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('insp.teammate.hint')} style={{ marginBottom: 12 }} />
      {confirm.isError && (
        <Alert type="error" showIcon title={errorMessage(confirm.error, lang)} style={{ marginBottom: 12 }} />
      )}
      <Tabs
        activeKey={method}
        onChange={(k) => setMethod(k === 'code' ? 'code' : 'password')}
        items={[
          {
            key: 'password',
            label: t('insp.teammate.byPassword'),
            children: (
              <Form layout="vertical">
                <Form.Item label={t('insp.teammate.username')}>
                  <Input
                    aria-label={t('insp.teammate.username')}
                    autoComplete="off"
                    value={username}
                    onChange={(e) => setUsername(e.target.value)}
                  />
                </Form.Item>
                <Form.Item label={t('insp.teammate.password')}>
                  <Input.Password
                    aria-label={t('insp.teammate.password')}
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                </Form.Item>
              </Form>
            ),
          },
          {
            key: 'code',
            label: t('insp.teammate.byCode'),
            children: (
              <Form layout="vertical">
                <Form.Item label={t('insp.teammate.who')}>
                  <Select
                    aria-label={t('insp.teammate.who')}
                    value={inspectorId}
                    onChange={setInspectorId}
                    options={pending.map((m) => ({
                      value: m.inspectorId,
                      label: `${m.name}（${m.badgeNo ?? m.inspectorId}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item label={t('insp.teammate.code')} extra={t('insp.teammate.codeHint')}>
                  <Input
                    aria-label={t('insp.teammate.code')}
                    inputMode="numeric"
                    maxLength={6}
                    autoComplete="one-time-code"
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                  />
                </Form.Item>
              </Form>
            ),
          },
        ]}
      />
    </Modal>
  );
}
