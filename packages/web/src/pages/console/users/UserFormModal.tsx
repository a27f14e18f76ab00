/** The create / edit form of an account: username (new only), name, department, roles, linked inspector. */
import { ROLES, type Role } from '@openssj/core';
import { Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../../hooks/use-i18n';
import type { UserRowView } from '../UsersPage';

/** What the form yields. */
export interface UserFormValues {
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: Role[];
  readonly inspectorBadge?: string | undefined;
}

/** The modal; `user` null creates a new account. */
export function UserFormModal(props: {
  readonly user: UserRowView | null;
  readonly departments: readonly { code: string; name: string }[];
  readonly saving: boolean;
  readonly onSave: (v: UserFormValues) => void;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserFormValues>();
  const u = props.user;
  return (
    <Modal
      open
      title={u === null ? t('users.create') : t('users.editTitle', { name: u.displayName })}
      okText={t('org.save')}
      confirmLoading={props.saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        name="user-form"
        initialValues={
          u === null
            ? { roles: ['inspector'] }
            : {
                username: u.username,
                displayName: u.displayName,
                departmentCode: u.departmentCode,
                roles: u.roles,
                inspectorBadge: u.inspectorBadge ?? '',
              }
        }
        onFinish={props.onSave}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={u === null ? t('users.usernameHelp') : undefined}
          rules={[
            { required: true, message: t('users.required') },
            { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: t('users.usernameHelp') },
          ]}
        >
          <Input disabled={u !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="departmentCode"
          label={t('users.department')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={props.departments.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="inspectorBadge" label={t('users.badge')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
