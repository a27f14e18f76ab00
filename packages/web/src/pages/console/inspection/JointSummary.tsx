/** 联合总表: one line per department of a joint visit, with its recorded items and overall result. */
import { Card, Table } from 'antd';
import type { VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';

/** The joint summary card. */
export function JointSummary({ view }: { readonly view: VisitView }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('insp.joint')}>
      <Table
        size="small"
        pagination={false}
        rowKey="departmentCode"
        dataSource={view.jointSummary}
        columns={[
          { title: t('insp.dept'), dataIndex: 'departmentName' },
          { title: t('insp.recorded'), render: (_, r) => `${r.recorded}/${r.items}` },
          { title: t('insp.summary'), render: (_, r) => r.summaryCategory ?? '—' },
        ]}
      />
    </Card>
  );
}
