/** 企业签字确认: the business representative signs on screen, or a refusal is recorded with text. */
import { Alert, Button, Input, Segmented, Space, Tag } from 'antd';
import { useState } from 'react';
import type { SignatureBody, VisitView } from '../../../api/inspection-types';
import { useI18n } from '../../../hooks/use-i18n';
import { SignaturePad } from './SignaturePad';

/** Shows the recorded signature or lets the team take one. */
export function SignatureSection({
  view,
  editable,
  onSave,
  pending = null,
}: {
  readonly view: VisitView;
  readonly editable: boolean;
  readonly onSave: (s: SignatureBody) => void;
  /** A signature taken offline and not yet sent (issue 15): shown in place of the server's. */
  readonly pending?: SignatureBody | null;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'sign' | 'refuse'>('sign');
  const [name, setName] = useState('');
  const [png, setPng] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const s = pending ?? view.businessSignature;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {pending !== null && <Tag color="orange">{t('insp.outbox.pending')}</Tag>}
      {s !== null && (
        <Alert
          type={s.kind === 'signed' ? 'success' : 'warning'}
          message={
            s.kind === 'signed'
              ? t('insp.signedBy', { name: s.signerName })
              : t('insp.refusedWith', { reason: s.reason })
          }
        />
      )}
      {s?.kind === 'signed' && (
        <img
          src={s.image}
          alt={t('insp.signature')}
          style={{ maxWidth: '100%', height: 80, objectFit: 'contain' }}
        />
      )}
      {editable && (
        <>
          <Segmented
            block
            value={mode}
            onChange={(v) => setMode(v === 'refuse' ? 'refuse' : 'sign')}
            options={[
              { value: 'sign', label: t('insp.sign') },
              { value: 'refuse', label: t('insp.refuse') },
            ]}
          />
          {mode === 'sign' ? (
            <>
              <Input
                aria-label={t('insp.signer')}
                placeholder={t('insp.signer')}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
              <div>{t('insp.signHere')}</div>
              <SignaturePad onChange={setPng} />
              <Button
                block
                disabled={png === null || name.trim() === ''}
                onClick={() =>
                  png !== null &&
                  onSave({
                    kind: 'signed',
                    signerName: name.trim(),
                    image: png,
                    at: new Date().toISOString(),
                  })
                }
              >
                {t('insp.saveSignature')}
              </Button>
            </>
          ) : (
            <>
              <Input.TextArea
                aria-label={t('insp.refuseReason')}
                placeholder={t('insp.refuseReason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                autoSize
              />
              <Button
                block
                disabled={reason.trim() === ''}
                onClick={() =>
                  onSave({ kind: 'refused', reason: reason.trim(), at: new Date().toISOString() })
                }
              >
                {t('insp.recordRefusal')}
              </Button>
            </>
          )}
        </>
      )}
    </Space>
  );
}
