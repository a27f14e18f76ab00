/**
 * 检查通知书: a print-friendly notice for one drawn target — the items, the inspectors' names
 * and badge numbers, and the planned date. window.print() gives paper or PDF; the console
 * frame is hidden when printing.
 */
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useI18n } from '../../../hooks/use-i18n';
import { useDepartmentName } from '../../../hooks/use-org';
import { chinaToday } from '../../../format/china-time';

const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .notice { box-shadow: none !important; border: none !important; }
}`;

/** The notice page. */
export function NoticePage() {
  const { drawId = '', targetId = '' } = useParams();
  const { t } = useI18n();
  const deptName = useDepartmentName();
  const notice = useQuery({
    queryKey: ['notice', drawId, targetId],
    queryFn: () =>
      unwrap(api.GET('/api/draws/{id}/notices/{targetId}', { params: { path: { id: drawId, targetId } } })),
  });
  const n = notice.data;
  if (n === undefined) {
    return <Card loading />;
  }
  const lead =
    n.departments.find((d) => d.code === n.task.leadDepartmentCode)?.name ?? n.task.leadDepartmentCode;
  const joint = n.departments.filter((d) => d.code !== n.task.leadDepartmentCode).map((d) => d.name);
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('wf.notice.print')}
        </Button>
      </Space>
      <Card className="notice" style={{ maxWidth: 800, margin: '0 auto', fontSize: 16, lineHeight: 2 }}>
        <h2 style={{ textAlign: 'center', letterSpacing: 4 }}>{lead}</h2>
        <h2 style={{ textAlign: 'center', letterSpacing: 8, fontSize: 28 }}>双随机抽查检查通知书</h2>
        <p style={{ textAlign: 'right' }}>
          编号：{n.drawId}-{n.target.id.slice(-6)}
          {n.noticeCode !== null && (
            <>
              <br />
              {t('notice.code')}：<b data-testid="notice-code">{n.noticeCode}</b>
            </>
          )}
        </p>
        <p>
          <b>{n.target.name}</b>（统一社会信用代码／标识：{n.target.id}）：
        </p>
        <p style={{ textIndent: '2em' }}>
          根据《{n.task.title}》，经公开随机抽取（摇号编号 {n.drawId}，可在公示平台核验），{lead}
          {joint.length > 0 ? `会同${joint.join('、')}` : ''}将于 <b>{n.plannedDate ?? n.task.windowStart}</b>{' '}
          前后对你单位进行检查（检查期间 {n.task.windowStart} 至 {n.task.windowEnd}），请予配合。
        </p>
        <p>
          <b>检查事项：</b>
        </p>
        <ol>
          {n.items.map((i) => (
            <li key={i.name}>
              {i.name}（依据：{i.legalBasis}）
            </li>
          ))}
        </ol>
        <p>
          <b>检查人员：</b>
        </p>
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={{ border: '1px solid #999' }}>姓名</th>
              <th style={{ border: '1px solid #999' }}>执法证号</th>
              <th style={{ border: '1px solid #999' }}>部门</th>
            </tr>
          </thead>
          <tbody>
            {n.inspectors.map((m) => (
              <tr key={`${m.name}${m.badgeNo ?? ''}`}>
                <td style={{ border: '1px solid #999', padding: '0 8px' }}>{m.name}</td>
                <td style={{ border: '1px solid #999', padding: '0 8px' }}>
                  {m.badgeNo ?? (m.expert ? '（专家）' : '')}
                </td>
                <td style={{ border: '1px solid #999', padding: '0 8px' }}>{deptName(m.departmentCode)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ marginTop: 24 }}>
          检查人员应当出示执法证件；执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条）。如认为检查人员与你单位存在利害关系，可申请回避。
        </p>
        {n.noticeCode !== null && <p>{t('notice.codeHint')}</p>}
        <p style={{ textAlign: 'right', marginTop: 48 }}>
          {lead}（盖章）
          <br />
          {chinaToday()}
        </p>
      </Card>
    </div>
  );
}
