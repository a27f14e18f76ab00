/** 工作台: a welcome card with the user's name, department, region and roles, their to-do list, and shortcuts to their pages. */
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { RoleTags } from '../../components/RoleTags';
import { TodoList } from '../../components/TodoList';
import { useI18n } from '../../hooks/use-i18n';
import { useCurrentUser } from '../../hooks/use-current-user';
import { menuForRoles } from '../../routes/console-nav';
import { useConsolePageIcons } from '../../routes/console-page-icons';

/** The console home at /console. */
export function WorkbenchPage() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const icons = useConsolePageIcons();
  const shortcuts = menuForRoles(user.roles).filter((e) => e.id !== 'home');

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('workbench.welcome', { name: user.displayName })}
          </Typography.Title>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('workbench.department')}>{user.department.name}</Descriptions.Item>
            <Descriptions.Item label={t('workbench.region')}>
              {user.department.regionName}（{user.department.regionCode}）
            </Descriptions.Item>
            <Descriptions.Item label={t('workbench.username')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('workbench.roles')}>
              <RoleTags roles={user.roles} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col span={24}>
        <TodoList />
      </Col>
      {shortcuts.length > 0 && (
        <Col span={24}>
          <Card title={t('workbench.shortcuts')}>
            <Row gutter={[12, 12]}>
              {shortcuts.map((e) => (
                <Col xs={12} sm={8} lg={6} xl={4} key={e.to}>
                  <Link to={e.to} style={{ display: 'block', height: '100%' }}>
                    <Card
                      size="small"
                      hoverable
                      style={{ height: '100%' }}
                      styles={{ body: { textAlign: 'center' } }}
                    >
                      <div style={{ fontSize: 24, color: '#1f5fbf' }}>{icons[e.id]}</div>
                      <div style={{ marginTop: 6 }}>{t(e.label)}</div>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      )}
    </Row>
  );
}
