/** A user's roles as coloured tags, in the fixed role order. */
import { Tag } from 'antd';
import { ROLES, type Role } from '../api/session-types';
import { useI18n } from '../hooks/use-i18n';

const ROLE_COLORS: Readonly<Record<Role, string>> = {
  system_admin: 'red',
  dept_admin: 'blue',
  leader: 'gold',
  inspector: 'green',
  auditor: 'purple',
};

/** Tags for each role the user has. */
export function RoleTags({ roles }: { readonly roles: readonly Role[] }) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {ROLES.filter((r) => roles.includes(r)).map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} style={{ marginInlineEnd: 0 }}>
          {t(`role.${r}`)}
        </Tag>
      ))}
    </span>
  );
}
