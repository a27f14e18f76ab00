/** Shows a one-time password once, with a copy button; closing forgets it. */
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../../hooks/use-i18n';

/** The modal. */
export function OneTimePasswordModal(props: {
  readonly username: string;
  readonly name: string;
  readonly password: string;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('users.oneTimeTitle')}
      onCancel={props.onClose}
      footer={<Button onClick={props.onClose}>OK</Button>}
    >
      <Alert
        type="warning"
        showIcon
        message={t('users.oneTimeHint', { name: props.name, username: props.username })}
      />
      <Typography.Paragraph style={{ marginTop: 16, fontSize: 20, textAlign: 'center' }}>
        <Typography.Text code data-testid="one-time-password">
          {props.password}
        </Typography.Text>
      </Typography.Paragraph>
      <div style={{ textAlign: 'center' }}>
        <Button
          onClick={() =>
            void navigator.clipboard
              .writeText(props.password)
              .then(() => message.success(t('users.copied')))
              .catch(() => undefined)
          }
        >
          {t('users.copy')}
        </Button>
      </div>
    </Modal>
  );
}
