/**
 * The confirmation step before a public, irreversible action (issue 11): 提交承诺, 开始摇号,
 * 审批通过, 公示 and 提议合并 each say what becomes public (or binding) before it happens.
 * The OK button reads 确认<action> (e.g. 确认公示), a stable label for people and journeys.
 */
import { App } from 'antd';
import { useI18n } from '../hooks/use-i18n';

export type PublicAction =
  'commit' | 'startDraw' | 'approvePlan' | 'publishPlan' | 'publishResult' | 'proposeJoint';

/** A function that asks before `onOk` runs, stating what the action makes public. */
export function usePublicConfirm(): (action: PublicAction, onOk: () => void) => void {
  const { modal } = App.useApp();
  const { t } = useI18n();
  return (action, onOk) => {
    void modal.confirm({
      title: t(`publicConfirm.${action}.title`),
      content: t(`publicConfirm.${action}.body`),
      okText: t(`publicConfirm.${action}.ok`),
      cancelText: t('publicConfirm.cancel'),
      onOk,
    });
  };
}
