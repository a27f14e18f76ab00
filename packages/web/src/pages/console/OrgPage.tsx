/**
 * 组织机构 (system admin, issue 11): departments (create, rename), regions (add from GB/T 2260,
 * with their parents) and the supervising units (所) and offices of each department (create, rename).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type { paths } from '../../api/schema';
import { useI18n } from '../../hooks/use-i18n';
import { useOrg } from '../../hooks/use-org';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Org = Json<paths['/api/org']['get']['responses'][200]>;
type Department = Org['departments'][number];
type Region = Org['regions'][number];
type Unit = Org['units'][number];

type Editing =
  | { readonly kind: 'newDepartment' }
  | { readonly kind: 'department'; readonly d: Department }
  | { readonly kind: 'region' }
  | { readonly kind: 'newUnit'; readonly departmentCode: string | undefined }
  | { readonly kind: 'unit'; readonly u: Unit };

interface FormValues {
  code?: string;
  name?: string;
  shortName?: string;
  regionCode?: string;
  departmentCode?: string;
}

/** /console/org */
export function OrgPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const org = useOrg();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [unitDept, setUnitDept] = useState<string | undefined>();
  const [form] = Form.useForm<FormValues>();

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const e = editing;
      const s = (x: string | undefined) => (x ?? '').trim();
      switch (e?.kind) {
        case 'newDepartment':
          return unwrap(
            api.POST('/api/departments', {
              body: {
                code: s(v.code),
                name: s(v.name),
                shortName: s(v.shortName),
                regionCode: s(v.regionCode),
              },
            }),
          );
        case 'department':
          return unwrap(
            api.PATCH('/api/departments/{code}', {
              params: { path: { code: e.d.code } },
              body: { name: s(v.name), shortName: s(v.shortName) },
            }),
          );
        case 'region':
          return unwrap(api.POST('/api/regions', { body: { code: s(v.code) } }));
        case 'newUnit':
          return unwrap(
            api.POST('/api/units', {
              body: { code: s(v.code), name: s(v.name), departmentCode: s(v.departmentCode) },
            }),
          );
        case 'unit':
          return unwrap(
            api.PATCH('/api/units/{code}', {
              params: { path: { code: e.u.code } },
              body: { name: s(v.name) },
            }),
          );
        case undefined:
          return null;
      }
    },
    onSuccess: () => {
      void message.success(t('org.saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: ['org'] });
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });

  const data = org.data;
  const regions = data?.regions ?? [];
  const departments = data?.departments ?? [];
  const units = data?.units ?? [];
  const regionName = new Map(regions.map((r) => [r.code, r.fullName]));
  const deptName = new Map(departments.map((d) => [d.code, d.name]));
  const unitCount = (code: string) => units.filter((u) => u.departmentCode === code).length;
  const levelLabel = (l: string) =>
    l === 'province' ? t('org.level.province') : l === 'city' ? t('org.level.city') : t('org.level.district');

  const open = (e: Editing) => {
    form.resetFields();
    if (e.kind === 'department') {
      form.setFieldsValue({ name: e.d.name, shortName: e.d.shortName });
    } else if (e.kind === 'unit') {
      form.setFieldsValue({ name: e.u.name });
    } else if (e.kind === 'newUnit') {
      if (e.departmentCode !== undefined) {
        form.setFieldsValue({ departmentCode: e.departmentCode, code: `${e.departmentCode}-` });
      }
    }
    setEditing(e);
  };

  const titleOf = (e: Editing) => {
    switch (e.kind) {
      case 'newDepartment':
        return t('org.newDepartment');
      case 'department':
        return t('org.editDepartment', { code: e.d.code });
      case 'region':
        return t('org.addRegion');
      case 'newUnit':
        return t('org.newUnit');
      case 'unit':
        return t('org.editUnit', { code: e.u.code });
    }
  };

  const required = [{ required: true, message: t('users.required') }];
  const shownUnits = unitDept === undefined ? units : units.filter((u) => u.departmentCode === unitDept);

  return (
    <Card title={t('nav.org')}>
      <Tabs
        items={[
          {
            key: 'departments',
            label: t('org.tab.departments'),
            children: (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  style={{ marginBottom: 12 }}
                  onClick={() => open({ kind: 'newDepartment' })}
                >
                  {t('org.newDepartment')}
                </Button>
                <Table<Department>
                  size="small"
                  rowKey="code"
                  loading={org.isLoading}
                  dataSource={departments}
                  scroll={{ x: 'max-content' }}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: t('org.name'), dataIndex: 'name' },
                    { title: t('org.shortName'), dataIndex: 'shortName' },
                    { title: t('org.code'), dataIndex: 'code' },
                    {
                      title: t('org.region'),
                      render: (_, d) => regionName.get(d.regionCode) ?? d.regionCode,
                    },
                    { title: t('org.units'), render: (_, d) => unitCount(d.code) },
                    {
                      title: t('users.actions'),
                      render: (_, d) => (
                        <Typography.Link onClick={() => open({ kind: 'department', d })}>
                          {t('org.edit')}
                        </Typography.Link>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'regions',
            label: t('org.tab.regions'),
            children: (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  style={{ marginBottom: 12 }}
                  onClick={() => open({ kind: 'region' })}
                >
                  {t('org.addRegion')}
                </Button>
                <Table<Region>
                  size="small"
                  rowKey="code"
                  loading={org.isLoading}
                  dataSource={regions}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('org.name'), dataIndex: 'fullName' },
                    { title: t('org.code'), dataIndex: 'code' },
                    { title: t('org.level'), render: (_, r) => levelLabel(r.level) },
                    {
                      title: t('org.parent'),
                      render: (_, r) =>
                        r.parentCode === null ? '—' : (regionName.get(r.parentCode) ?? r.parentCode),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'units',
            label: t('org.tab.units'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Select
                    aria-label={t('org.department')}
                    placeholder={t('org.allDepartments')}
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 260 }}
                    value={unitDept}
                    onChange={setUnitDept}
                    options={departments.map((d) => ({ value: d.code, label: d.name }))}
                  />
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => open({ kind: 'newUnit', departmentCode: unitDept })}
                  >
                    {t('org.newUnit')}
                  </Button>
                </Space>
                <Table<Unit>
                  size="small"
                  rowKey="code"
                  loading={org.isLoading}
                  dataSource={shownUnits}
                  scroll={{ x: 'max-content' }}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  columns={[
                    { title: t('org.name'), dataIndex: 'name' },
                    { title: t('org.code'), dataIndex: 'code' },
                    {
                      title: t('org.department'),
                      render: (_, u) => deptName.get(u.departmentCode) ?? u.departmentCode,
                    },
                    {
                      title: t('users.actions'),
                      render: (_, u) => (
                        <Typography.Link onClick={() => open({ kind: 'unit', u })}>
                          {t('org.edit')}
                        </Typography.Link>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      {editing !== null && (
        <Modal
          open
          title={titleOf(editing)}
          okText={t('org.save')}
          confirmLoading={save.isPending}
          onOk={() => form.submit()}
          onCancel={() => setEditing(null)}
          forceRender
        >
          <Form<FormValues> form={form} layout="vertical" name="org-form" onFinish={(v) => save.mutate(v)}>
            {(editing.kind === 'newDepartment' ||
              editing.kind === 'region' ||
              editing.kind === 'newUnit') && (
              <Form.Item
                name="code"
                label={editing.kind === 'region' ? t('org.regionCode') : t('org.code')}
                extra={
                  editing.kind === 'region'
                    ? t('org.regionCodeHelp')
                    : editing.kind === 'newUnit'
                      ? t('org.unitCodeHelp')
                      : t('org.departmentCodeHelp')
                }
                rules={required}
              >
                <Input autoComplete="off" />
              </Form.Item>
            )}
            {editing.kind === 'newUnit' && (
              <Form.Item name="departmentCode" label={t('org.department')} rules={required}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={departments.map((d) => ({ value: d.code, label: d.name }))}
                />
              </Form.Item>
            )}
            {editing.kind !== 'region' && (
              <Form.Item name="name" label={t('org.name')} rules={required}>
                <Input maxLength={60} />
              </Form.Item>
            )}
            {(editing.kind === 'newDepartment' || editing.kind === 'department') && (
              <Form.Item name="shortName" label={t('org.shortName')} rules={required}>
                <Input maxLength={20} />
              </Form.Item>
            )}
            {editing.kind === 'newDepartment' && (
              <Form.Item name="regionCode" label={t('org.region')} rules={required}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={regions.map((r) => ({ value: r.code, label: `${r.fullName}（${r.code}）` }))}
                />
              </Form.Item>
            )}
          </Form>
        </Modal>
      )}
    </Card>
  );
}
