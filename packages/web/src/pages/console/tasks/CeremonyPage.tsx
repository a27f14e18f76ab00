/**
 * The draw ceremony (摇号仪式) for a projector: the published commitment; witnesses; the seed
 * taken the committed way — dice digits (≥ 20, normalised as spec §2 with the result shown),
 * the named beacon round's value, or the system CSPRNG (labelled 较弱); then the draw with a
 * visible progress bar, and the selected targets with their teams.
 */
import { FullscreenOutlined, PlusOutlined } from '@ant-design/icons';
import { MIN_DICE_DIGITS, normaliseBeaconSeed, normaliseDiceSeed } from '@openssj/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import { usePublicConfirm } from '../../../components/use-public-confirm';
import { DrawProgressBar } from './DrawProgressBar';
import type { DrawSelection } from '../../../api/workflow-types';
import { useI18n } from '../../../hooks/use-i18n';
import { dateTime, SEED_SOURCE, stratumName } from '../plans/workflow-labels';
import { bilingual } from '../../../i18n/code-label';

const ROLES = ['公证员', '企业代表', '群众代表', '纪检监察人员', '新闻媒体'];
const BIG = { fontSize: 22 } as const;

/** The ceremony page. */
export function CeremonyPage() {
  const { taskId = '', drawId = '' } = useParams();
  const { t, lang } = useI18n();
  const [raw, setRaw] = useState('');
  const [witnesses, setWitnesses] = useState<{ name: string; role: string }[]>([
    { name: '', role: '公证员' },
  ]);
  const [error, setError] = useState<string | null>(null);
  const draw = useQuery({
    queryKey: ['ceremony', drawId],
    queryFn: () => unwrap(api.GET('/api/draws/{id}', { params: { path: { id: drawId } } })),
  });
  const ask = usePublicConfirm();
  const run = useMutation({
    mutationFn: (body: { seed?: string; witnesses: { name: string; role: string }[] }) =>
      unwrap(api.POST('/api/draws/{id}/run', { params: { path: { id: drawId } }, body })),
    meta: { silent: true },
    onSuccess: async () => {
      await draw.refetch();
    },
    onError: (e) => {
      setError(e instanceof ApiError ? e.messageIn(lang) : String(e));
    },
  });
  const d = draw.data;
  if (d === undefined) {
    return <Card loading />;
  }
  const s = d.draw;
  const source = s.seedSource ?? 'dice';
  const dice = source === 'dice' ? normaliseDiceSeed(raw) : null;
  const beacon = source === 'beacon' ? normaliseBeaconSeed(raw) : null;
  const seedOk = source === 'system' || (dice?.ok ?? false) || (beacon?.ok ?? false);
  const named = witnesses.filter((w) => w.name.trim() !== '');
  const start = () => {
    setError(null);
    run.mutate({ ...(source === 'system' ? {} : { seed: raw }), witnesses: named });
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span style={{ fontSize: 26 }}>{t('wf.ceremony.title', { task: d.task.title })}</span>}
        extra={
          <Space>
            <Button
              icon={<FullscreenOutlined />}
              onClick={() => void document.documentElement.requestFullscreen?.()}
            >
              {t('wf.ceremony.fullscreen')}
            </Button>
            <Link to={`/console/tasks/${taskId}`}>{t('wf.back')}</Link>
          </Space>
        }
      >
        <Row gutter={24}>
          <Col span={16}>
            <Typography.Text type="secondary">{t('wf.draw.commitment')}</Typography.Text>
            <div style={{ fontFamily: 'monospace', fontSize: 28, wordBreak: 'break-all', letterSpacing: 1 }}>
              {s.commitment ?? '—'}
            </div>
            <Typography.Paragraph style={BIG}>
              {t('wf.draw.committedAt')}：{dateTime(s.committedAt)}
              {'　'}
              {t('wf.draw.seedSource')}：{t(SEED_SOURCE[source] ?? 'wf.seed.dice')}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{bilingual(s.seedPlan, lang)}</Typography.Paragraph>
          </Col>
          <Col span={8}>
            <Space size={32}>
              {s.strata.map((x) => (
                <Statistic
                  key={x.name}
                  title={`${stratumName(t, x.name)} ${t('wf.draw.frameSize')}`}
                  value={x.frameSize}
                  suffix={`→ ${x.sampleSize}`}
                />
              ))}
            </Space>
          </Col>
        </Row>
      </Card>
      {s.status === 'committed' && (
        <Card title={<span style={BIG}>{t('wf.ceremony.seedStep')}</span>}>
          {source === 'system' && (
            <Alert type="warning" showIcon title={t('wf.seed.systemWeakHint')} style={{ marginBottom: 16 }} />
          )}
          {source !== 'system' && (
            <>
              <Input
                size="large"
                style={{ fontSize: 32, fontFamily: 'monospace' }}
                value={raw}
                onChange={(e) => setRaw(e.target.value)}
                placeholder={
                  source === 'dice'
                    ? t('wf.ceremony.dicePlaceholder', { n: MIN_DICE_DIGITS })
                    : t('wf.ceremony.beaconPlaceholder')
                }
              />
              <Typography.Paragraph style={{ ...BIG, marginTop: 8 }}>
                {t('wf.ceremony.normalised')}：
                <Typography.Text code style={{ fontSize: 24 }}>
                  {dice?.ok === true ? dice.value : beacon?.ok === true ? beacon.value : '—'}
                </Typography.Text>
                {dice !== null && (
                  <Tag color={dice.ok ? 'green' : 'orange'}>
                    {t('wf.ceremony.digits', {
                      n: raw.replace(/[^0-9０-９]/g, '').length,
                      min: MIN_DICE_DIGITS,
                    })}
                  </Tag>
                )}
              </Typography.Paragraph>
            </>
          )}
          <Typography.Title level={4}>{t('wf.ceremony.witnesses')}</Typography.Title>
          {witnesses.map((w, i) => (
            <Space key={i} style={{ marginBottom: 8 }}>
              <Input
                aria-label={t('wf.ceremony.witnessName')}
                placeholder={t('wf.ceremony.witnessName')}
                value={w.name}
                onChange={(e) =>
                  setWitnesses((ws) => ws.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))
                }
              />
              <Select
                style={{ width: 160 }}
                value={w.role}
                onChange={(role) => setWitnesses((ws) => ws.map((x, j) => (j === i ? { ...x, role } : x)))}
                options={ROLES.map((r) => ({ value: r, label: r }))}
              />
            </Space>
          ))}
          <div>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setWitnesses((ws) => [...ws, { name: '', role: '企业代表' }])}
            >
              {t('wf.ceremony.addWitness')}
            </Button>
          </div>
          {error !== null && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
          <Button
            type="primary"
            size="large"
            style={{ marginTop: 16, height: 56, fontSize: 24 }}
            disabled={!seedOk || run.isPending}
            onClick={() => ask('startDraw', start)}
          >
            {t('wf.ceremony.start')}
          </Button>
          <DrawProgressBar taskId={taskId} active={run.isPending} />
        </Card>
      )}
      {s.status === 'drawn' && (
        <Card>
          <Result
            status="success"
            title={<span style={{ fontSize: 30 }}>{t('wf.ceremony.done', { n: d.selections.length })}</span>}
            subTitle={`${t('wf.draw.seed')}：${s.seed ?? ''}\u3000${t('wf.draw.drawnAt')}：${dateTime(s.drawnAt)}`}
            extra={<Link to={`/draws/${s.id}`}>{t('wf.draw.publicPage')}</Link>}
          />
          <Progress aria-label={t('progress.draw')} percent={100} />
          <Table<DrawSelection>
            rowKey="id"
            dataSource={d.selections}
            pagination={false}
            style={{ fontSize: 18 }}
            columns={[
              { title: '#', render: (_, __, i) => i + 1, width: 60 },
              {
                title: t('wf.draw.target'),
                render: (_, r) => <span style={{ fontSize: 18 }}>{r.name}</span>,
              },
              {
                title: t('wf.draw.stratum'),
                dataIndex: 'stratum',
                width: 80,
                render: (v: string) => stratumName(t, v),
              },
              {
                title: t('wf.draw.team'),
                render: (_, r) =>
                  r.team.map((m) => (
                    <Tag key={m.id} style={{ fontSize: 16 }}>{`${m.name} ${m.badgeNo ?? ''}`}</Tag>
                  )),
              },
              {
                title: t('wf.draw.open'),
                width: 160,
                render: (_, r) =>
                  r.status === 'unfilled' ? (
                    <Tag color="red">{t('wf.draw.unfilled')}</Tag>
                  ) : (
                    <Tag color="green">{t('wf.draw.filled')}</Tag>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {s.status !== 'committed' && s.status !== 'drawn' && (
        <Alert type="info" showIcon title={t('wf.ceremony.notReady')} />
      )}
    </Space>
  );
}
