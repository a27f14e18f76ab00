/**
 * Create or revise an inspection item: the basics and the guideline (texts + checklist form
 * with a live preview). Saving a revision creates a new version with its effective date.
 */
import {
  defaultChecklistForm,
  formatRatioPercent,
  INSPECTION_METHODS,
  TARGET_TYPES,
  type ChecklistField,
} from '@openssj/core';
import { useMutation } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Drawer,
  Form,
  Grid,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { ItemView } from '../../../api/library-types';
import { useI18n } from '../../../hooks/use-i18n';
import { ChecklistEditor, checklistProblem } from './ChecklistEditor';
import { ChecklistPreview } from './ChecklistPreview';
import { toWireField } from './checklist-wire';

interface FormValues {
  code: string;
  name: string;
  priority: 'key' | 'general';
  ratioCap: string;
  method: (typeof INSPECTION_METHODS)[number];
  legalBasis: string;
  legalRefs: string[];
  targetTypes: (typeof TARGET_TYPES)[number][];
  industries: string[];
  effectiveFrom: string;
  changeNote: string;
  whatToCheck: string;
  how: string;
  guideLegalBasis: string;
}

interface Props {
  readonly open: boolean;
  /** null: a new item. */
  readonly item: ItemView | null;
  readonly departmentCode: string;
  readonly defaultCap: string;
  readonly today: string;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}

function initial(item: ItemView | null, today: string): FormValues {
  return {
    code: item?.code ?? '',
    name: item?.name ?? '',
    priority: item?.priority ?? 'general',
    ratioCap: item === null || item.ratioCap === null ? '' : formatRatioPercent(item.ratioCap),
    method: item?.method ?? 'onsite',
    legalBasis: item?.legalBasis ?? '',
    legalRefs: item?.legalRefs ?? [],
    targetTypes: item?.targetTypes ?? [],
    industries: item?.industries ?? [],
    effectiveFrom: item === null || item.effectiveFrom < today ? today : item.effectiveFrom,
    changeNote: '',
    whatToCheck: item?.guideline.whatToCheck ?? '',
    how: item?.guideline.how ?? '',
    guideLegalBasis: item?.guideline.legalBasis ?? '',
  };
}

/** The create / revise drawer of the item list. */
export function ItemEditorDrawer({ open, item, departmentCode, defaultCap, today, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const [checklist, setChecklist] = useState<ChecklistField[]>(defaultChecklistForm());
  const priority = Form.useWatch('priority', form);

  useEffect(() => {
    if (open) {
      form.setFieldsValue(initial(item, today));
      setChecklist(item === null ? defaultChecklistForm() : [...item.guideline.form]);
    }
  }, [open, item, today, form]);

  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const content = {
        name: v.name,
        priority: v.priority,
        ratioCap: v.priority === 'key' || v.ratioCap.trim() === '' ? null : v.ratioCap.trim(),
        method: v.method,
        legalBasis: v.legalBasis,
        legalRefs: v.legalRefs,
        targetTypes: v.targetTypes,
        industries: v.industries,
        effectiveFrom: v.effectiveFrom,
        guideline: {
          whatToCheck: v.whatToCheck,
          how: v.how,
          legalBasis: v.guideLegalBasis,
          form: checklist.map(toWireField),
        },
        ...(v.changeNote.trim() !== '' ? { changeNote: v.changeNote.trim() } : {}),
      };
      if (item === null) {
        await unwrap(api.POST('/api/items', { body: { ...content, departmentCode, code: v.code.trim() } }));
        return true;
      }
      const r = await unwrap(
        api.PATCH('/api/items/{id}', { params: { path: { id: item.id } }, body: content }),
      );
      return r.changed;
    },
    onSuccess: (changed) => {
      void message.success(changed ? t('lib.saved') : t('lib.unchanged'));
      onSaved();
    },
  });

  const problem = checklistProblem(checklist);
  const basics = (
    <>
      {item === null && (
        <Form.Item
          name="code"
          label={t('items.code')}
          rules={[{ required: true, max: 40, pattern: /^\S+$/ }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('items.name')} rules={[{ required: true, max: 100 }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="priority" label={t('items.priority')}>
            <Radio.Group
              optionType="button"
              options={(['general', 'key'] as const).map((p) => ({
                value: p,
                label: t(`items.priority.${p}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="ratioCap"
            label={t('items.ratioCap')}
            extra={t('items.ratioCapHint', { cap: formatRatioPercent(defaultCap) })}
          >
            <Input
              disabled={priority === 'key'}
              placeholder={formatRatioPercent(defaultCap)}
              maxLength={20}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="method" label={t('items.method')}>
        <Radio.Group options={INSPECTION_METHODS.map((m) => ({ value: m, label: t(`items.method.${m}`) }))} />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('items.legalBasis')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="legalRefs" label={t('items.legalRefs')} extra={t('items.legalRefsHint')}>
        <Select mode="tags" tokenSeparators={['；', ';']} />
      </Form.Item>
      <Form.Item name="targetTypes" label={t('items.targetTypes')}>
        <Select mode="multiple" allowClear options={TARGET_TYPES.map((x) => ({ value: x, label: x }))} />
      </Form.Item>
      <Form.Item name="industries" label={t('items.industries')} extra={t('items.industriesHint')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="effectiveFrom" label={t('items.effectiveFrom')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="changeNote" label={t('items.changeNote')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
  const guideline = (
    <>
      <Form.Item name="whatToCheck" label={t('guide.whatToCheck')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="how" label={t('guide.how')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="guideLegalBasis" label={t('guide.legalBasis')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('guide.form')}</Typography.Title>
          <ChecklistEditor value={checklist} onChange={setChecklist} />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('guide.preview')}</Typography.Title>
          <div style={{ border: '1px dashed #d9d9d9', borderRadius: 8, padding: 12 }}>
            <ChecklistPreview form={checklist} />
          </div>
        </Col>
      </Row>
    </>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={screens.lg === true ? 960 : '100%'}
      title={item === null ? t('items.new') : t('items.editTitle', { v: item.version + 1 })}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('lib.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={problem !== null}
            onClick={() => form.submit()}
          >
            {t('lib.save')}
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={initial(item, today)}
      >
        <Tabs
          items={[
            { key: 'basic', label: t('items.tab.basic'), children: basics, forceRender: true },
            { key: 'guideline', label: t('items.tab.guideline'), children: guideline, forceRender: true },
          ]}
        />
      </Form>
    </Drawer>
  );
}
