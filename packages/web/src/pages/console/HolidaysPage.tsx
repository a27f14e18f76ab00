/**
 * 节假日日历 (system admin): which years the working-day calendar covers (built in through
 * chinese-days, or entered here), a warning for years in use without a table (their
 * deadlines are 暂定), and the admin-kept days of a year.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { HolidayDay } from '../../api/inspection-types';
import { useI18n } from '../../hooks/use-i18n';

/** /console/holidays */
export function HolidaysPage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [day, setDay] = useState<string | null>(null);
  const [kind, setKind] = useState<'holiday' | 'workday'>('holiday');
  const [name, setName] = useState('');
  const coverage = useQuery({
    queryKey: ['holidays', 'coverage'],
    queryFn: () => unwrap(api.GET('/api/holidays/coverage')),
  });
  const days = useQuery({
    queryKey: ['holidays', year],
    queryFn: () => unwrap(api.GET('/api/holidays', { params: { query: { year } } })),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['holidays'] });
  const add = useMutation({
    mutationFn: (d: HolidayDay) => unwrap(api.PUT('/api/holidays', { body: { days: [d] } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (d: string) => unwrap(api.DELETE('/api/holidays/{day}', { params: { path: { day: d } } })),
    onSuccess: refresh,
  });
  const missing = coverage.data?.missing ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {missing.length > 0 && (
        <Alert type="warning" showIcon message={t('holidays.missing', { years: missing.join('、') })} />
      )}
      <Card size="small" title={t('holidays.coverage')}>
        <Space wrap>
          {(coverage.data?.years ?? []).map((y) => (
            <Tag key={y.year} color={y.source === null ? 'red' : y.source === 'admin' ? 'blue' : 'green'}>
              {y.year}：
              {t(
                y.source === null
                  ? 'holidays.source.none'
                  : y.source === 'admin'
                    ? 'holidays.source.admin'
                    : 'holidays.source.chinese-days',
              )}
            </Tag>
          ))}
        </Space>
      </Card>
      <Card
        size="small"
        title={t('holidays.title')}
        extra={
          <InputNumber
            aria-label={t('holidays.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(y) => typeof y === 'number' && setYear(y)}
          />
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            aria-label={t('holidays.day')}
            placeholder={t('holidays.day')}
            onChange={(d) => setDay(d === null ? null : d.format('YYYY-MM-DD'))}
          />
          <Select
            aria-label={t('holidays.kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            options={[
              { value: 'holiday', label: t('holidays.kind.holiday') },
              { value: 'workday', label: t('holidays.kind.workday') },
            ]}
          />
          <Input
            aria-label={t('holidays.name')}
            placeholder={t('holidays.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            style={{ width: 160 }}
          />
          <Button
            type="primary"
            disabled={day === null || name.trim() === ''}
            loading={add.isPending}
            onClick={() => day !== null && add.mutate({ day, kind, name: name.trim() })}
          >
            {t('holidays.add')}
          </Button>
        </Space>
        <Table<HolidayDay>
          size="small"
          rowKey="day"
          loading={days.isLoading}
          dataSource={days.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('holidays.day'), dataIndex: 'day' },
            {
              title: t('holidays.kind'),
              render: (_, r) =>
                r.kind === 'holiday' ? (
                  <Tag color="red">{t('holidays.kind.holiday')}</Tag>
                ) : (
                  <Tag>{t('holidays.kind.workday')}</Tag>
                ),
            },
            { title: t('holidays.name'), dataIndex: 'name' },
            {
              title: '',
              render: (_, r) => (
                <Popconfirm title={t('holidays.remove')} onConfirm={() => remove.mutate(r.day)}>
                  <Button size="small" icon={<DeleteOutlined />} aria-label={t('holidays.remove')} />
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
