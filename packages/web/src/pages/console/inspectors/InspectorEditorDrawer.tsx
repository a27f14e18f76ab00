/** Add or edit an inspector: badge (officers) or expert flag, unit, region, qualifications with expiry, specialties, capacity. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Col, Drawer, Form, Grid, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { InspectorView } from '../../../api/library-types';
import { useI18n } from '../../../hooks/use-i18n';

interface FormValues {
  badgeNo: string;
  expert: boolean;
  name: string;
  unitCode: string | undefined;
  regionCode: string;
  qualifications: { type: string; expiresOn: string }[];
  specialties: string[];
  capacity: number | null;
}

interface Props {
  readonly open: boolean;
  readonly inspector: InspectorView | null;
  readonly departmentCode: string;
  readonly regionCode: string;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

function initial(i: InspectorView | null, regionCode: string): FormValues {
  return {
    badgeNo: i?.badgeNo ?? '',
    expert: i?.expert ?? false,
    name: i?.name ?? '',
    unitCode: i?.unitCode ?? undefined,
    regionCode: i?.regionCode ?? regionCode,
    qualifications: i?.qualifications ?? [],
    specialties: i?.specialties ?? [],
    capacity: i?.capacity ?? null,
  };
}

/** The create / edit drawer of the inspector library. */
export function InspectorEditorDrawer({
  open,
  inspector,
  departmentCode,
  regionCode,
  onClose,
  onSaved,
}: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const expert = Form.useWatch('expert', form);
  const org = useQuery({ queryKey: ['org'], queryFn: () => unwrap(api.GET('/api/org', {})) });
  const units = (org.data?.units ?? []).filter((u) => u.departmentCode === departmentCode);

  useEffect(() => {
    if (open) {
      form.setFieldsValue(initial(inspector, regionCode));
    }
  }, [open, inspector, regionCode, form]);

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const common = {
        name: v.name,
        unitCode: v.unitCode ?? null,
        regionCode: v.regionCode,
        qualifications: v.qualifications,
        specialties: v.specialties,
        capacity: v.capacity,
      };
      if (inspector === null) {
        await unwrap(
          api.POST('/api/inspectors', {
            body: {
              ...common,
              departmentCode,
              expert: v.expert,
              badgeNo: v.expert ? null : v.badgeNo.trim(),
            },
          }),
        );
      } else {
        await unwrap(
          api.PATCH('/api/inspectors/{id}', { params: { path: { id: inspector.id } }, body: common }),
        );
      }
    },
    onSuccess: () => {
      void message.success(t('lib.saved'));
      onSaved();
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={screens.md === true ? 620 : '100%'}
      destroyOnHidden
      title={inspector === null ? t('insp.new') : t('insp.editTitle', { name: inspector.name })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('lib.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('lib.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial(inspector, regionCode)}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="expert"
              label={t('insp.expert')}
              valuePropName="checked"
              extra={t('insp.expertHint')}
            >
              <Switch disabled={inspector !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {expert !== true && (
              <Form.Item
                name="badgeNo"
                label={t('insp.badgeNo')}
                rules={[{ required: true, pattern: /^\S{2,40}$/ }]}
              >
                <Input disabled={inspector !== null} maxLength={40} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="name" label={t('insp.name')} rules={[{ required: true, max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="unitCode" label={t('insp.unit')}>
              <Select allowClear options={units.map((u) => ({ value: u.code, label: u.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="regionCode"
              label={t('insp.region')}
              rules={[{ required: true, pattern: /^\d{6}$/ }]}
            >
              <Input maxLength={6} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="qualifications">
          {(fields, { add, remove }) => (
            <Form.Item label={t('insp.qualifications')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'type']} rules={[{ required: true, max: 40 }]}>
                    <Input placeholder={t('insp.qualType')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'expiresOn']} rules={[{ required: true }]}>
                    <Input type="date" aria-label={t('insp.qualExpiry')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: '', expiresOn: '' })}>
                {t('insp.addQual')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="specialties" label={t('insp.specialties')}>
          <Select mode="tags" tokenSeparators={['、', ',', '，']} />
        </Form.Item>
        <Form.Item name="capacity" label={t('insp.capacity')} extra={t('insp.capacityHint')}>
          <InputNumber min={1} max={999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
