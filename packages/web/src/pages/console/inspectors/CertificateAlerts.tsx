/**
 * The inspector library's certificate warning (issue 11): 行政执法证 already expired, and those
 * expiring within 30 days of the server's today (China), named, so staff renew them before a draw
 * leaves the officer out of the pool.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Tag } from 'antd';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { useI18n } from '../../../hooks/use-i18n';

/** The certificate alerts above the inspector table (hidden when nothing is due). */
export function CertificateAlerts() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['inspectors', 'certificate-alerts'],
    queryFn: () => unwrap(api.GET('/api/inspectors/certificate-alerts', {})),
    meta: { silent: true },
  });
  const d = q.data;
  if (d === undefined || (d.expired.length === 0 && d.expiring.length === 0)) {
    return null;
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      aria-label={t('insp.certAlerts')}
      style={{ marginBottom: 12 }}
      title={t('insp.certAlertsTitle', {
        expired: d.expired.length,
        expiring: d.expiring.length,
        days: d.warnDays,
        today: d.today,
      })}
      description={
        <Space direction="vertical" size={4}>
          {d.expired.length > 0 && (
            <div>
              {t('insp.certExpiredList')}：
              {d.expired.slice(0, 50).map((i) => (
                <Tag key={i.id} color="red">
                  {i.name}（{i.badgeNo ?? i.id}）{i.certificate.expiresOn}
                </Tag>
              ))}
            </div>
          )}
          {d.expiring.length > 0 && (
            <div>
              {t('insp.certExpiringList', { days: d.warnDays })}：
              {d.expiring.slice(0, 50).map((i) => (
                <Tag key={i.id} color="orange">
                  {i.name}（{i.badgeNo ?? i.id}）{i.certificate.expiresOn} ·{' '}
                  {t('insp.certDaysLeft', { n: i.certificate.daysLeft ?? 0 })}
                </Tag>
              ))}
            </div>
          )}
        </Space>
      }
    />
  );
}
