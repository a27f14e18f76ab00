/**
 * The visit page on a phone (375 px first): each item's checklist form, result category
 * (其他 needs text) and notes, photos with time and GPS, both inspectors' own confirmations,
 * the business's signature or refusal, and submission. Drafts live on the device until synced.
 */
import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { evidenceSha256, isRemoteMethod, isUnderWay, RESULT_CATEGORIES } from '@openssj/core';
import { Alert, App, Button, Card, Form, Input, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { errorMessage, unwrap } from '../../api/errors';
import type { SignatureBody } from '../../api/inspection-types';
import { useI18n } from '../../hooks/use-i18n';
import { ChecklistFields } from './inspection/ChecklistFields';
import { ConflictModal } from './inspection/ConflictModal';
import { dataUrlBytes, resizeToJpeg } from './inspection/image-resize';
import { EvidenceList } from './inspection/EvidenceList';
import { JointSummary } from './inspection/JointSummary';
import { MethodCard } from './inspection/MethodCard';
import { OutboxCard } from './inspection/OutboxCard';
import { outboxFrom } from './inspection/draft-store';
import { onMySide } from './inspection/SideFilter';
import { VisitHeaderCard } from './inspection/VisitHeaderCard';
import { useCurrentUser } from '../../hooks/use-current-user';
import { PhotoInput } from './inspection/PhotoInput';
import { SignatureSection } from './inspection/SignatureSection';
import { groupSubmitIssues, hasIssues, NO_ISSUES, type SubmitIssues } from './inspection/submit-issues';
import { TeammateConfirmModal } from './inspection/TeammateConfirmModal';
import { currentGps, useVisitDraft } from './inspection/use-visit-draft';
import { useState, type ReactNode } from 'react';

/** The server's reasons for one card, beside it (issue 11). */
function Reasons(props: { readonly label: string; readonly reasons: readonly string[] }): ReactNode {
  return props.reasons.length === 0 ? null : (
    <Alert
      type="error"
      showIcon
      role="alert"
      aria-label={props.label}
      style={{ marginBottom: 8 }}
      title={props.reasons.length === 1 ? props.reasons[0] : undefined}
      description={
        props.reasons.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {props.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** /console/my-inspections/:id */
export function VisitPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const v = useVisitDraft(id);
  const department = useCurrentUser().department.code;
  const view = v.view;
  const [issues, setIssues] = useState<SubmitIssues>(NO_ISSUES);
  const [teammate, setTeammate] = useState(false);
  const act = useMutation({
    mutationFn: async (
      a: { kind: 'confirm' } | { kind: 'submit' } | { kind: 'sign'; signature: SignatureBody },
    ) => {
      const synced = await v.sync();
      if (synced === 'offline' && a.kind === 'sign') {
        // issue 15: taken offline, the signature waits on the phone with the rest
        v.queueSignature(a.signature);
        return null;
      }
      if (synced !== 'ok') {
        throw new Error(t('insp.unsynced'));
      }
      const version = v.view?.version ?? 1;
      const path = { params: { path: { id } } };
      switch (a.kind) {
        case 'confirm':
          return unwrap(api.POST('/api/inspections/{id}/confirm', { ...path, body: { version } }));
        case 'submit':
          return unwrap(api.POST('/api/inspections/{id}/submit', { ...path, body: { version } }));
        case 'sign':
          return unwrap(
            api.PUT('/api/inspections/{id}/signature', {
              ...path,
              body: { version, signature: a.signature },
            }),
          );
      }
    },
    onSuccess: (res) => {
      setIssues(NO_ISSUES);
      if (res === null) {
        void message.info(t('insp.outbox.signatureQueued'));
      } else {
        v.accept(res);
      }
    },
    onError: (e, a) => {
      const grouped =
        a.kind === 'submit' ? groupSubmitIssues(e, view?.items.map((i) => i.itemId) ?? [], lang) : NO_ISSUES;
      setIssues(grouped);
      if (hasIssues(grouped)) {
        void message.error(t('insp.issuesShown', { message: errorMessage(e, lang) }));
        return;
      }
      void message.error(e instanceof Error && !('code' in e) ? e.message : errorMessage(e, lang));
    },
    meta: { silent: true },
  });

  if (v.query.isError) {
    return (
      <Result
        status="warning"
        title={errorMessage(v.query.error, lang)}
        extra={<Link to="/console/my-inspections">{t('insp.back')}</Link>}
      />
    );
  }
  if (view === undefined) {
    return <Spin style={{ display: 'block', margin: 48 }} />;
  }
  const editable = view.me.onTeam && isUnderWay(view.status);
  const save = async () => {
    try {
      const r = await v.sync();
      void (r === 'ok'
        ? message.success(t('insp.saved'))
        : r === 'offline'
          ? message.warning(t('insp.savedLocal'))
          : undefined);
    } catch (e) {
      void message.error(errorMessage(e, lang));
    }
  };
  const takePhoto = async (itemId: string, fieldKey: string | null, file: File) => {
    const [image, gps] = await Promise.all([resizeToJpeg(file), currentGps()]);
    if (gps !== null && view.gps === null && (v.draft?.gps ?? null) === null) {
      v.setGps(gps);
    }
    v.addPhoto({
      id: crypto.randomUUID(),
      itemId,
      fieldKey,
      image,
      // issue 15: hashed here, before upload; the server refuses bytes that do not match
      sha256: evidenceSha256(dataUrlBytes(image)),
      takenAt: new Date().toISOString(),
      lat: gps?.lat ?? null,
      lng: gps?.lng ?? null,
      accuracy: gps?.accuracy ?? null,
    });
  };
  const photoCount = (itemId: string) => (fieldKey: string | null) =>
    view.photos.filter((p) => p.itemId === itemId && p.fieldKey === fieldKey).length +
    v.photos.filter((p) => p.itemId === itemId && p.fieldKey === fieldKey).length;
  const myConfirmed =
    view.me.inspectorIds.length > 0 &&
    view.me.inspectorIds.every((i) => view.confirmations.some((c) => c.inspectorId === i));

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Link to="/console/my-inspections">← {t('insp.back')}</Link>
        <VisitHeaderCard
          view={view}
          synced={v.state === 'synced'}
          gps={v.draft?.gps ?? view.gps}
          mine={onMySide(view.side, department)}
          onGps={editable ? v.setGps : null}
        />
        <OutboxCard
          outbox={outboxFrom(v.draft, v.photos.length, v.signature !== null)}
          sending={v.state === 'saving'}
          onSend={() => void save()}
        />
        {view.status === 'returned' && view.reviewComment !== null && (
          <Alert type="warning" showIcon message={t('insp.returned', { comment: view.reviewComment })} />
        )}
        {!editable && view.me.onTeam && <Alert type="info" message={t('insp.readonly')} />}
        {view.side !== null && <Alert type="info" showIcon message={t('insp.sideHint')} />}
        <MethodCard
          key={`${view.method}:${view.version}`}
          view={view}
          editable={editable}
          beforeSave={async () => (await v.sync()) === 'ok'}
          onSaved={v.accept}
          reasons={issues.method}
        />

        {view.items.map((item) => {
          const mine = view.me.recordDepartments.includes(item.departmentCode);
          const r = v.results[item.itemId];
          const server = view.results.find((x) => x.itemId === item.itemId);
          const dept =
            view.departments.find((d) => d.code === item.departmentCode)?.name ?? item.departmentCode;
          return (
            <Card key={item.itemId} size="small" title={item.name} extra={<Tag>{dept}</Tag>}>
              <Reasons
                label={t('insp.issuesOf', { name: item.name })}
                reasons={issues.items[item.itemId] ?? []}
              />
              {item.whatToCheck !== '' && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('insp.guideline')}：{item.whatToCheck}
                  {item.how === '' ? '' : ` · ${item.how}`}
                </Typography.Paragraph>
              )}
              {mine && r !== undefined ? (
                <Form layout="vertical">
                  <ChecklistFields
                    item={item}
                    value={r}
                    disabled={!editable}
                    onAnswer={(key, a) => v.edit(item.itemId, { answers: { ...r.answers, [key]: a } })}
                    photoCount={photoCount(item.itemId)}
                    onPhoto={(fieldKey, file) => void takePhoto(item.itemId, fieldKey, file)}
                  />
                  <Form.Item
                    label={t('insp.category')}
                    required
                    validateStatus={issues.fields[`${item.itemId}.category`] === undefined ? '' : 'error'}
                    help={issues.fields[`${item.itemId}.category`]}
                  >
                    <Select
                      aria-label={t('insp.category')}
                      disabled={!editable}
                      value={r.category ?? undefined}
                      onChange={(c) => v.edit(item.itemId, { category: c ?? null })}
                      options={RESULT_CATEGORIES.map((c) => ({ value: c, label: c }))}
                      popupMatchSelectWidth={false}
                    />
                  </Form.Item>
                  {r.category === '其他' && (
                    <Form.Item
                      label={t('insp.categoryNote')}
                      required
                      validateStatus={(r.categoryNote ?? '').trim() === '' ? 'error' : ''}
                      help={(r.categoryNote ?? '').trim() === '' ? t('insp.categoryNoteRequired') : undefined}
                    >
                      <Input.TextArea
                        disabled={!editable}
                        autoSize
                        value={r.categoryNote ?? ''}
                        onChange={(e) => v.edit(item.itemId, { categoryNote: e.target.value })}
                      />
                    </Form.Item>
                  )}
                  <Form.Item label={t('insp.photos')}>
                    <PhotoInput
                      disabled={!editable}
                      count={photoCount(item.itemId)(null)}
                      onFile={(file) => void takePhoto(item.itemId, null, file)}
                    />
                  </Form.Item>
                  <Form.Item label={t('insp.notes')}>
                    <Input.TextArea
                      aria-label={t('insp.notes')}
                      disabled={!editable}
                      autoSize={{ minRows: 2 }}
                      value={r.notes ?? ''}
                      onChange={(e) =>
                        v.edit(item.itemId, { notes: e.target.value === '' ? null : e.target.value })
                      }
                    />
                  </Form.Item>
                </Form>
              ) : (
                <div>
                  <Typography.Text type="secondary">{t('insp.otherDept', { dept })}</Typography.Text>
                  <div>
                    {t('insp.category')}：{server?.category ?? '—'}
                  </div>
                </div>
              )}
            </Card>
          );
        })}

        {editable && (
          <Button block size="large" onClick={() => void save()} loading={v.state === 'saving'}>
            {t('insp.save')}
          </Button>
        )}

        <Card size="small" title={t('insp.team')} aria-label={t('insp.team')}>
          <Reasons label={t('insp.issuesConfirmations')} reasons={issues.confirmations} />
          <Space wrap>
            {view.team.map((m) => (
              <Tag
                key={m.inspectorId}
                color={m.confirmed ? 'green' : 'default'}
                icon={m.confirmed ? <CheckCircleOutlined /> : undefined}
              >
                {m.name}（{m.badgeNo ?? m.inspectorId}）
                {m.confirmed ? t('insp.confirmed') : t('insp.notConfirmed')}
              </Tag>
            ))}
          </Space>
          {editable && !myConfirmed && (
            <Button
              block
              type="default"
              style={{ marginTop: 12 }}
              loading={act.isPending}
              onClick={() => act.mutate({ kind: 'confirm' })}
            >
              {t('insp.confirm')}
            </Button>
          )}
          {editable &&
            view.team.some(
              (m) => !m.expert && !m.confirmed && !view.me.inspectorIds.includes(m.inspectorId),
            ) && (
              <Button block style={{ marginTop: 8 }} onClick={() => setTeammate(true)}>
                {t('insp.teammate.open')}
              </Button>
            )}
        </Card>
        <TeammateConfirmModal
          view={view}
          open={teammate}
          onClose={() => setTeammate(false)}
          onDone={(res) => {
            setIssues({ ...issues, confirmations: [] });
            v.accept(res);
            void message.success(t('insp.teammate.done'));
          }}
        />

        <Card size="small" title={t('insp.signature')}>
          <Reasons label={t('insp.issuesSignature')} reasons={issues.signature} />
          {isRemoteMethod(view.method) && (
            <Typography.Paragraph type="secondary">{t('insp.method.evidenceHint')}</Typography.Paragraph>
          )}
          <SignatureSection
            view={view}
            editable={editable}
            pending={v.signature}
            onSave={(signature) => act.mutate({ kind: 'sign', signature })}
          />
        </Card>

        {view.departments.length > 1 && <JointSummary view={view} />}
        <EvidenceList view={view} />

        <Reasons label={t('insp.issuesOther')} reasons={issues.other} />
        {editable && (
          <Button
            block
            type="primary"
            size="large"
            loading={act.isPending}
            onClick={() => act.mutate({ kind: 'submit' })}
          >
            {t('insp.submit')}
          </Button>
        )}
        {view.status === 'submitted' && <Alert type="success" showIcon message={t('insp.submitted')} />}
      </Space>
      <ConflictModal
        server={v.conflict}
        baseVersion={v.draft?.baseVersion ?? view.version}
        mine={v.results}
        onResolve={(c) => void v.resolve(c)}
      />
    </div>
  );
}
