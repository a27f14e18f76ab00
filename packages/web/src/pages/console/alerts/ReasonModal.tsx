/** The 风险预警 queue's reason dialog (issue 16): a dismissal or a referral says why. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { RiskAlert } from '../../../api/risk-types';
import { useI18n } from '../../../hooks/use-i18n';

/** The dialog that asks for the reason of a dismissal or a referral. */
export function ReasonModal({
  alert,
  action,
  onClose,
}: {
  readonly alert: RiskAlert | null;
  readonly action: 'dismiss' | 'refer';
  readonly onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/risk-alerts/{id}/triage', { params: { path: { id } }, body: { action, reason } }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['alerts'] });
      setReason('');
      onClose();
    },
  });
  return (
    <Modal
      open={alert !== null}
      title={t(action === 'dismiss' ? 'alerts.dismiss' : 'alerts.refer')}
      onCancel={onClose}
      okButtonProps={{ disabled: reason.trim() === '' }}
      confirmLoading={send.isPending}
      onOk={() => alert !== null && send.mutate(alert.id)}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t('alerts.reason')}
        placeholder={t(action === 'dismiss' ? 'alerts.reason.dismiss' : 'alerts.reason.refer')}
        value={reason}
        maxLength={500}
        rows={3}
        onChange={(e) => setReason(e.target.value)}
      />
      {send.error !== null && (
        <Typography.Text type="danger">{errorMessage(send.error, lang)}</Typography.Text>
      )}
    </Modal>
  );
}
