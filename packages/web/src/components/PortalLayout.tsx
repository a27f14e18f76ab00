/** The public portal frame (一公开, no login): title banner, section navigation, footer. */
import { LoginOutlined } from '@ant-design/icons';
import { Button, Grid, Layout } from 'antd';
import { Link, Outlet } from 'react-router';
import { useI18n } from '../hooks/use-i18n';
import type { MessageKey } from '../i18n/types';
import { BrandMark } from './BrandMark';
import { DataFreshness } from './DataFreshness';
import { LanguageSwitch } from './LanguageSwitch';

/** Portal navigation: the home page's sections for now; each becomes its own page later (issue 5). */
export const PORTAL_NAV: readonly { readonly to: string; readonly label: MessageKey }[] = [
  { to: '/', label: 'portal.home' },
  { to: '/items', label: 'portal.section.items' },
  { to: '/plans', label: 'portal.section.plans' },
  { to: '/results', label: 'portal.section.results' },
  { to: '/draws', label: 'portal.section.draws' },
  { to: '/appeals', label: 'portal.section.appeals' },
];

const BLUE = '#1f5fbf';
const DEEP_BLUE = '#123f85';

/** Layout of every public page. */
export function PortalLayout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;

  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <header
        style={{
          background: `linear-gradient(135deg, ${DEEP_BLUE} 0%, ${BLUE} 100%)`,
          color: '#fff',
          borderTop: '4px solid #c8161d',
        }}
      >
        <div
          className="ssj-portal-container"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 12 : 16,
            paddingTop: narrow ? 16 : 28,
            paddingBottom: narrow ? 16 : 28,
            flexWrap: 'wrap',
          }}
        >
          <Link
            to="/"
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 14,
              color: '#fff',
              minWidth: 0,
              flex: '1 1 auto',
            }}
          >
            <BrandMark size={narrow ? 40 : 56} />
            <span style={{ minWidth: 0 }}>
              <h1
                style={{
                  display: 'block',
                  margin: 0,
                  color: '#fff',
                  fontSize: narrow ? 20 : 30,
                  fontWeight: 700,
                  letterSpacing: narrow ? 1 : 3,
                  lineHeight: 1.3,
                }}
              >
                {t('portal.title')}
              </h1>
              <span style={{ display: 'block', fontSize: narrow ? 12 : 15, opacity: 0.85, marginTop: 2 }}>
                {t('portal.subtitle')}
              </span>
            </span>
          </Link>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            <LanguageSwitch />
            <Link to="/login">
              <Button ghost size="small" icon={<LoginOutlined />}>
                {t('portal.staffLogin')}
              </Button>
            </Link>
          </div>
        </div>
        <nav style={{ background: 'rgba(0,0,0,0.18)' }} aria-label={t('portal.title')}>
          <div className="ssj-portal-container ssj-portal-nav">
            {PORTAL_NAV.map((item) => (
              <Link key={item.to} to={item.to}>
                {t(item.label)}
              </Link>
            ))}
          </div>
        </nav>
      </header>
      <main style={{ flex: 1 }}>
        <Outlet />
      </main>
      <footer
        style={{
          background: '#1d2735',
          color: 'rgba(255,255,255,0.72)',
          padding: '20px 0',
          fontSize: 13,
          marginTop: 32,
        }}
      >
        <div
          className="ssj-portal-container"
          style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}
        >
          <span>{t('portal.footer.basis')}</span>
          <DataFreshness />
          <span>{t('portal.footer.software')}</span>
        </div>
      </footer>
    </Layout>
  );
}
