/** A centred spinner for whole-page loading (session check, first route chunk). */
import { Spin } from 'antd';

/** Fills the viewport with a spinner. */
export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
