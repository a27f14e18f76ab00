/** An on-screen signature (企业签字确认): draw with a finger or mouse, export as a PNG data URL. */
import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../hooks/use-i18n';

/** The pad; `onChange` gets the PNG data URL, or null when cleared. */
export function SignaturePad({ onChange }: { readonly onChange: (png: string | null) => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = ref.current;
    if (c === null) {
      return;
    }
    c.width = c.offsetWidth * 2;
    c.height = 160 * 2;
    const ctx = c.getContext('2d');
    if (ctx !== null) {
      ctx.scale(2, 2);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.strokeStyle = '#111';
    }
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  return (
    <div>
      <canvas
        ref={ref}
        aria-label={t('insp.signHere')}
        style={{
          width: '100%',
          height: 160,
          border: '1px dashed #999',
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
        }}
        onPointerDown={(e) => {
          drawing.current = true;
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.beginPath();
          ctx?.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) {
            return;
          }
          const ctx = e.currentTarget.getContext('2d');
          const p = point(e);
          ctx?.lineTo(p.x, p.y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          drawing.current = false;
          setEmpty(false);
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <Button
        size="small"
        disabled={empty}
        onClick={() => {
          const c = ref.current;
          c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
          setEmpty(true);
          onChange(null);
        }}
      >
        {t('insp.clear')}
      </Button>
    </div>
  );
}
