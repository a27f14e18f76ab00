/**
 * 用户管理 (system admin, issue 11): search and filter accounts; create one (the server generates a
 * one-time password, shown once); edit roles, department and the linked inspector; disable, enable,
 * unlock; reset a password; and import accounts for an inspector library from a spreadsheet.
 */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@openssj/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useDepartmentName, useOrg } from '../../hooks/use-org';
import { useI18n } from '../../hooks/use-i18n';
import { AccountImportModal } from './users/AccountImportModal';
import { OneTimePasswordModal } from './users/OneTimePasswordModal';
import { UserFormModal, type UserFormValues } from './users/UserFormModal';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** One account as the list shows it. */
export type UserRowView = Json<paths['/api/users']['get']['responses'][200]>['items'][number];
type Status = 'active' | 'disabled';

/** /console/users */
export function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const org = useOrg();
  const deptName = useDepartmentName();
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [editing, setEditing] = useState<UserRowView | null | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [oneTime, setOneTime] = useState<{ username: string; name: string; password: string } | null>(null);

  const list = useQuery({
    queryKey: ['users', q, department, role, status],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: {
            query: {
              ...(q.trim() === '' ? {} : { q: q.trim() }),
              ...(department === undefined ? {} : { department }),
              ...(role === undefined ? {} : { role }),
              ...(status === undefined ? {} : { active: status === 'active' ? 'true' : 'false' }),
            },
          },
        }),
      ),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['users'] });
  const onError = (e: unknown) => void message.error(errorMessage(e, lang));

  const patch = useMutation({
    mutationFn: (v: {
      id: string;
      body: paths['/api/users/{id}']['patch']['requestBody']['content']['application/json'];
    }) => unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: v.id } }, body: v.body })),
    onSuccess: () => {
      void message.success(t('users.saved'));
      setEditing(undefined);
      void refresh();
    },
    onError,
  });
  const create = useMutation({
    mutationFn: (v: UserFormValues) =>
      unwrap(
        api.POST('/api/users', {
          body: {
            username: v.username,
            displayName: v.displayName,
            departmentCode: v.departmentCode,
            roles: v.roles,
            inspectorBadge: v.inspectorBadge?.trim() ? v.inspectorBadge.trim() : null,
          },
        }),
      ),
    onSuccess: (u) => {
      setEditing(undefined);
      void refresh();
      if (u.oneTimePassword !== null) {
        setOneTime({ username: u.username, name: u.displayName, password: u.oneTimePassword });
      }
    },
    onError,
  });
  const reset = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } } })),
    onSuccess: (r) => {
      void refresh();
      setOneTime({ username: r.user.username, name: r.user.displayName, password: r.oneTimePassword });
    },
    onError,
  });

  const save = (v: UserFormValues) => {
    if (editing === null) {
      create.mutate(v);
    } else if (editing !== undefined) {
      patch.mutate({
        id: editing.id,
        body: {
          displayName: v.displayName,
          departmentCode: v.departmentCode,
          roles: v.roles,
          inspectorBadge: v.inspectorBadge?.trim() ? v.inspectorBadge.trim() : null,
        },
      });
    }
  };

  const departments = org.data?.departments ?? [];
  const roleLabel = (r: Role) => t(`role.${r}`);

  return (
    <Card
      title={t('nav.users')}
      extra={
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('users.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          allowClear
          style={{ width: 260 }}
          onSearch={setQ}
        />
        <Select
          aria-label={t('users.department')}
          placeholder={t('users.allDepartments')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          value={department}
          onChange={setDepartment}
          options={departments.map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select
          aria-label={t('users.roles')}
          placeholder={t('users.allRoles')}
          allowClear
          style={{ width: 160 }}
          value={role}
          onChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
        />
        <Select
          aria-label={t('users.status')}
          placeholder={t('users.allStatus')}
          allowClear
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'active', label: t('users.active') },
            { value: 'disabled', label: t('users.disabled') },
          ]}
        />
      </Space>
      <Table<UserRowView>
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.department'), render: (_, u) => deptName(u.departmentCode) },
          {
            title: t('users.roles'),
            render: (_, u) => (
              <Space size={4} wrap>
                {u.roles.map((r) => (
                  <Tag key={r}>{roleLabel(r)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('users.badgeShort'), render: (_, u) => u.inspectorBadge ?? '—' },
          {
            title: t('users.status'),
            render: (_, u) => (
              <Space size={4}>
                {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>}
                {u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now() && (
                  <Tag color="red">{t('users.locked')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('users.actions'),
            render: (_, u) => (
              <Space size={4} wrap>
                <Typography.Link onClick={() => setEditing(u)}>{t('users.edit')}</Typography.Link>
                {u.active ? (
                  <Popconfirm
                    title={t('users.disableConfirm')}
                    onConfirm={() => patch.mutate({ id: u.id, body: { active: false } })}
                  >
                    <Typography.Link>{t('users.disable')}</Typography.Link>
                  </Popconfirm>
                ) : (
                  <Typography.Link onClick={() => patch.mutate({ id: u.id, body: { active: true } })}>
                    {t('users.enable')}
                  </Typography.Link>
                )}
                {u.lockedUntil !== null && (
                  <Typography.Link onClick={() => patch.mutate({ id: u.id, body: { unlock: true } })}>
                    {t('users.unlock')}
                  </Typography.Link>
                )}
                <Popconfirm title={t('users.resetConfirm')} onConfirm={() => reset.mutate(u.id)}>
                  <Typography.Link>{t('users.reset')}</Typography.Link>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <UserFormModal
          user={editing}
          departments={departments}
          saving={create.isPending || patch.isPending}
          onSave={save}
          onClose={() => setEditing(undefined)}
        />
      )}
      {importing && (
        <AccountImportModal onClose={() => setImporting(false)} onImported={() => void refresh()} />
      )}
      {oneTime !== null && <OneTimePasswordModal {...oneTime} onClose={() => setOneTime(null)} />}
    </Card>
  );
}
