/**
 * Keyboard access to scrolling tables (WCAG 2.1.1, axe `scrollable-region-focusable`): Ant Design's
 * horizontally scrolling table bodies get tabIndex 0, so a keyboard user can scroll them with arrows.
 */
import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

function patch(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (!el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
    }
  }
}

/** Watches the document and makes every scrolling table body focusable. */
export function useScrollRegionsFocusable(): void {
  useEffect(() => {
    patch(document);
    const observer = new MutationObserver(() => patch(document));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
