/** A camera button: `<input type="file" accept="image/*" capture="environment">` on phones. */
import { CameraOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../../hooks/use-i18n';

/** Opens the back camera; `onFile` gets each shot. */
export function PhotoInput({
  disabled,
  count,
  onFile,
}: {
  readonly disabled: boolean;
  readonly count: number;
  readonly onFile: (f: File) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={ref}
        type="file"
        accept="image/*"
        capture="environment"
        data-testid="photo-input"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f !== undefined) {
            onFile(f);
          }
          e.target.value = '';
        }}
      />
      <Badge count={count} size="small">
        <Button icon={<CameraOutlined />} disabled={disabled} onClick={() => ref.current?.click()}>
          {t('insp.takePhoto')}
        </Button>
      </Badge>
    </>
  );
}
