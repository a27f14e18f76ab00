/**
 * /change-password: a signed-in user sets a new password. Accounts whose password an administrator
 * chose (new accounts, resets) land here after login and cannot use the console until they do
 * (the API refuses everything else). The server ends every session of the account on success.
 */
import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { errorMessage, unwrap } from '../api/errors';
import { BrandMark } from '../components/BrandMark';
import { FullPageSpin } from '../components/FullPageSpin';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../hooks/use-i18n';
import { SESSION_QUERY_KEY, useSession } from '../hooks/use-session';

interface PasswordForm {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly confirm: string;
}

/** The change-password page. */
export function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const { user, isPending } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useMutation({
    mutationFn: (v: PasswordForm) =>
      unwrap(
        api.POST('/api/auth/password', {
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword },
        }),
      ),
    meta: { silent: true },
    onSuccess: () => {
      // the server ended every session of this account: log in again with the new password
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      void message.success(t('password.done'));
      void navigate('/login', { replace: true });
    },
  });

  if (isPending) {
    return <FullPageSpin />;
  }
  if (user === null && !change.isSuccess) {
    return <Navigate to="/login?next=%2Fchange-password" replace />;
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#eef3fb',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '16px 12px 32px',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ width: '100%', maxWidth: 440, display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch />
      </div>
      <div style={{ margin: '24px 0 16px' }}>
        <BrandMark size={48} />
      </div>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          {t('password.title')}
        </Typography.Title>
        {user?.mustChangePassword === true && (
          <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        {change.error !== null && (
          <Alert
            type="error"
            showIcon
            title={t('password.failed')}
            description={errorMessage(change.error, lang)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => change.mutate(v)}
        >
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={user?.username ?? ''}
            hidden
            readOnly
          />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            extra={t('password.rule')}
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending}>
            {t('password.submit')}
          </Button>
          {user?.mustChangePassword !== true && (
            <Button type="link" block style={{ marginTop: 8 }} onClick={() => void navigate('/console')}>
              {t('password.back')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
