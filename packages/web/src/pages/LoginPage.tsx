/** /login: staff login with clear errors (wrong password, locked until a time, rate limited) and the demo accounts. */
import { HomeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Form, Input, Table, Typography } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginErrorMessage } from '../api/login-errors';
import type { LoginBody, Role } from '../api/session-types';
import { BrandMark } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useDeployment } from '../hooks/use-deployment';
import { useI18n } from '../hooks/use-i18n';
import { useLogin, useSession } from '../hooks/use-session';
import { safeNext } from '../routes/console-nav';

/** The demo accounts the server seeds (it prints them, and their one random password, at first start). */
const DEMO_ACCOUNTS: readonly { readonly username: string; readonly role: Role }[] = [
  { username: 'sysadmin', role: 'system_admin' },
  { username: 'admin', role: 'dept_admin' },
  { username: 'leader', role: 'leader' },
  { username: 'inspector', role: 'inspector' },
  { username: 'auditor', role: 'auditor' },
];

/** The login page. */
export function LoginPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const { demo } = useDeployment();
  const login = useLogin();
  const [form] = Form.useForm<LoginBody>();
  const next = safeNext(params.get('next'));

  if (user !== null && !login.isPending) {
    return <Navigate to={user.mustChangePassword ? '/change-password' : next} replace />;
  }

  const onFinish = (values: LoginBody) => {
    login.mutate(values, {
      onSuccess: (reply) =>
        void navigate(reply.user.mustChangePassword ? '/change-password' : next, { replace: true }),
    });
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #123f85 0%, #1f5fbf 55%, #eef3fb 55%)',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '16px 12px 32px',
        boxSizing: 'border-box',
      }}
    >
      <div
        style={{
          width: '100%',
          maxWidth: 420,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        <Link to="/" style={{ color: '#fff' }}>
          <HomeOutlined /> {t('login.toPortal')}
        </Link>
        <LanguageSwitch />
      </div>
      <div style={{ textAlign: 'center', color: '#fff', margin: '32px 0 24px', maxWidth: 520 }}>
        <BrandMark size={56} />
        <h1 style={{ fontSize: 26, fontWeight: 700, letterSpacing: 2, margin: '12px 0 8px', color: '#fff' }}>
          {t('app.name')}
        </h1>
        <div style={{ opacity: 0.85, fontSize: 13, lineHeight: 1.7 }}>{t('login.subtitle')}</div>
      </div>
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 8px 24px rgba(18,63,133,0.18)' }}>
        <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Title>
        {login.error !== null && (
          <Alert
            type="error"
            showIcon
            title={t('login.failed')}
            description={loginErrorMessage(login.error, lang)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginBody>
          form={form}
          layout="vertical"
          size="large"
          onFinish={onFinish}
          requiredMark={false}
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        {demo && (
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'demo',
                label: t('login.demoAccounts'),
                children: (
                  <>
                    <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                      {t('login.demoHint')}
                    </Typography.Paragraph>
                    <Table
                      size="small"
                      pagination={false}
                      rowKey="username"
                      dataSource={DEMO_ACCOUNTS}
                      onRow={(a) => ({
                        onClick: () => form.setFieldsValue({ username: a.username }),
                        style: { cursor: 'pointer' },
                      })}
                      columns={[
                        {
                          key: 'username',
                          title: t('login.demoUsername'),
                          dataIndex: 'username',
                          render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
                        },
                        {
                          key: 'role',
                          title: t('login.demoRole'),
                          dataIndex: 'role',
                          render: (r: Role) => t(`role.${r}`),
                        },
                      ]}
                    />
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
