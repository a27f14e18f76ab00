/**
 * One public draw (/draws/:id): the commitment with its time, the seed and its source, the
 * witnesses, strata with frame sizes and exclusion counts, selections and teams (badge numbers
 * only), abandoned/superseded links, downloads of the record JSON and frame files, and
 * "在浏览器中验证" — core's verifyRecord run here, showing ✓ or the first difference.
 */
import {
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { verifyRecord } from '@openssj/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { LogInclusionCard } from '../../components/LogInclusionCard';
import { unwrap } from '../../api/errors';
import type { PublicDraw } from '../../api/workflow-types';
import { useI18n } from '../../hooks/use-i18n';
import { dateTime, DRAW_STATUS, percent, SEED_SOURCE, stratumName } from '../console/plans/workflow-labels';
import { useDepartmentName } from '../../hooks/use-org';
import { bilingual, codeLabel } from '../../i18n/code-label';

type Verdict = { ok: true } | { ok: false; zh: string; en: string; step: string };

async function verifyInBrowser(id: string, strata: readonly string[]): Promise<Verdict> {
  const record: unknown = await unwrap(
    api.GET('/api/public/draws/{id}/record', { params: { path: { id } } }),
  );
  const frames: Record<string, string> = {};
  for (const s of strata) {
    const res = await fetch(`/api/public/draws/${encodeURIComponent(id)}/frames/${encodeURIComponent(s)}`);
    frames[s] = await res.text();
  }
  const r = verifyRecord(record, frames);
  return r.ok
    ? { ok: true }
    : { ok: false, zh: r.error.messageZh, en: r.error.messageEn, step: String(r.error.step) };
}

/** The public draw page. */
export function PortalDrawPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const deptName = useDepartmentName();
  const draw = useQuery({
    queryKey: ['public', 'draw', id],
    queryFn: () => unwrap(api.GET('/api/public/draws/{id}', { params: { path: { id } } })),
  });
  const verify = useMutation({ mutationFn: (strata: readonly string[]) => verifyInBrowser(id, strata) });
  const d: PublicDraw | undefined = draw.data;
  if (d === undefined) {
    return <Card loading style={{ maxWidth: 1200, margin: '24px auto' }} />;
  }
  const s = d.draw;
  const c = d.commitmentObject;
  const teams = new Map(d.assignments.map((a) => [a.target, a]));
  return (
    <div style={{ maxWidth: 1200, margin: '24px auto', padding: '0 16px' }}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={
            <Space wrap>
              {t('wf.portal.drawTitle', { id: s.id })}
              <Tag color={DRAW_STATUS[s.status]?.color ?? 'default'}>
                {t(DRAW_STATUS[s.status]?.label ?? 'wf.draw.status.committed')}
              </Tag>
            </Space>
          }
          extra={<Link to="/draws">{t('wf.back')}</Link>}
        >
          {s.status === 'abandoned' && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('wf.portal.abandoned', {
                reason: s.abandonedReason ?? '',
                at: dateTime(s.abandonedAt),
              })}
              description={
                s.supersededBy !== null ? (
                  <Link to={`/draws/${s.supersededBy}`}>
                    {t('wf.portal.supersededBy', { id: s.supersededBy })}
                  </Link>
                ) : null
              }
            />
          )}
          {s.supersedes !== null && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                <Link to={`/draws/${s.supersedes}`}>{t('wf.portal.supersedes', { id: s.supersedes })}</Link>
              }
            />
          )}
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item
              label={t('wf.task.title')}
              span={2}
            >{`${d.task.title}（${d.task.id}）`}</Descriptions.Item>
            <Descriptions.Item label={t('wf.task.lead')}>
              {deptName(d.task.leadDepartmentCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.task.participants')}>
              {d.task.participants.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.draw.commitment')} span={2}>
              <Typography.Text code copyable>
                {s.commitment ?? ''}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item
              label={t('wf.draw.committedAt')}
            >{`${dateTime(c.committedAt)}（${c.committedAt}）`}</Descriptions.Item>
            <Descriptions.Item label={t('wf.draw.seedSource')}>
              {t(SEED_SOURCE[c.seedSource] ?? 'wf.seed.dice')}
              {c.seedSource === 'system' && (
                <Tag color="orange" style={{ marginLeft: 8 }}>
                  {t('wf.seed.weak')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.draw.seedPlan')} span={2}>
              {bilingual(c.seedPlan, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.draw.seed')}>
              {s.seed === null ? (
                t('wf.portal.seedPending')
              ) : (
                <Typography.Text code>{s.seed}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.draw.drawnAt')}>{dateTime(s.drawnAt)}</Descriptions.Item>
            <Descriptions.Item label={t('wf.ceremony.witnesses')} span={2}>
              {s.witnesses.length === 0
                ? '—'
                : s.witnesses.map((w) => <Tag key={`${w.name}${w.role}`}>{`${w.role}：${w.name}`}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.task.quota')}>
              {Object.entries(c.quota)
                .map(([k, n]) => `${k} × ${n}`)
                .join('，')}
            </Descriptions.Item>
            <Descriptions.Item label={t('wf.task.jurisdiction')}>
              {c.jurisdictionRule ? t('wf.yes') : t('wf.no')}
            </Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={c.strata}
            columns={[
              { title: t('wf.draw.stratum'), dataIndex: 'name', render: (v: string) => stratumName(t, v) },
              {
                title: t('wf.task.ratio'),
                dataIndex: 'ratio',
                render: (r: string) => `${percent(r)}（${r}）`,
              },
              { title: t('wf.draw.frameSize'), dataIndex: 'frameSize' },
              {
                title: t('wf.draw.exclusions'),
                render: (_, r) =>
                  Object.entries(s.frameExclusionCounts[r.name] ?? {}).map(([k, n]) => (
                    <Tag key={k}>{`${codeLabel(t, [`wf.exclusion.${k}`], k)} ${n}`}</Tag>
                  )),
              },
              { title: t('wf.draw.sampleSize'), dataIndex: 'sampleSize' },
              {
                title: t('wf.portal.frameFile'),
                render: (_, r) => (
                  <a
                    href={`/api/public/draws/${encodeURIComponent(s.id)}/frames/${encodeURIComponent(r.name)}`}
                    download
                  >
                    <DownloadOutlined /> {r.frameDigest.slice(0, 12)}…
                  </a>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 16 }} wrap>
            {d.recordAvailable && (
              <a href={`/api/public/draws/${encodeURIComponent(s.id)}/record`} download>
                <Button icon={<DownloadOutlined />}>{t('wf.portal.downloadRecord')}</Button>
              </a>
            )}
            {d.recordAvailable && (
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                loading={verify.isPending}
                onClick={() => verify.mutate(c.strata.map((x) => x.name))}
              >
                {t('wf.portal.verify')}
              </Button>
            )}
          </Space>
          {verify.data !== undefined &&
            (verify.data.ok ? (
              <Result
                status="success"
                icon={<CheckCircleFilled />}
                title={t('wf.portal.verified')}
                subTitle={t('wf.portal.verifiedHint')}
              />
            ) : (
              <Result
                status="error"
                icon={<CloseCircleFilled />}
                title={t('wf.portal.verifyFailed')}
                subTitle={`${verify.data.step}：${lang === 'en' ? verify.data.en : verify.data.zh}`}
              />
            ))}
        </Card>
        {d.selections.length > 0 && (
          <Card title={t('wf.portal.selections', { n: d.selections.length })}>
            <Table
              size="small"
              rowKey="id"
              dataSource={d.selections}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: '#', render: (_, __, i) => i + 1, width: 60 },
                { title: t('wf.draw.target'), render: (_, r) => `${r.name}（${r.id}）` },
                {
                  title: t('wf.draw.stratum'),
                  dataIndex: 'stratum',
                  width: 80,
                  render: (v: string) => stratumName(t, v),
                },
                {
                  title: t('wf.portal.ticket'),
                  dataIndex: 'ticket',
                  render: (v: string) => <Typography.Text code>{v.slice(0, 22)}…</Typography.Text>,
                },
                {
                  title: t('wf.portal.teamBadges'),
                  render: (_, r) => (teams.get(r.id)?.inspectors ?? []).map((b) => <Tag key={b}>{b}</Tag>),
                },
                {
                  title: t('wf.draw.open'),
                  width: 120,
                  render: (_, r) =>
                    teams.get(r.id)?.status === 'unfilled' ? (
                      <Tag color="red">{t('wf.draw.unfilled')}</Tag>
                    ) : (
                      <Tag color="green">{t('wf.draw.filled')}</Tag>
                    ),
                },
              ]}
            />
            {d.overrides.length > 0 && (
              <Table
                style={{ marginTop: 12 }}
                size="small"
                rowKey={(r) => `${r.target}${r.at}`}
                pagination={false}
                dataSource={d.overrides}
                title={() => t('wf.override.title')}
                columns={[
                  { title: t('wf.draw.target'), dataIndex: 'target' },
                  {
                    title: t('wf.portal.teamBadges'),
                    dataIndex: 'inspectors',
                    render: (v: string[]) => v.join('、'),
                  },
                  { title: t('wf.override.reason'), dataIndex: 'reason' },
                  { title: t('wf.portal.at'), dataIndex: 'at', render: (v: string) => dateTime(v) },
                ]}
              />
            )}
          </Card>
        )}
        <LogInclusionCard subject={{ drawId: s.id }} taskId={d.task.id} />
      </Space>
    </div>
  );
}
