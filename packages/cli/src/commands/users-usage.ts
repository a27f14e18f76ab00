/** The usage of `ssj users` (main.ts answers --help with it without loading the command). */
export const USERS_USAGE = `usage: ssj users bootstrap --region CODE --region-name NAME --department-name NAME [options]
  creates the first system administrator and prints its one-time password once
  (it must be changed at the first login); refused when a system administrator exists.

  --region CODE            the deployment's region, six digits (GB/T 2260), e.g. 500000
  --region-name NAME       e.g. 重庆市
  --department CODE        the administrator's department (default: CODE-SCJG)
  --department-name NAME   e.g. 重庆市市场监督管理局
  --username NAME          default: sysadmin
  --display-name NAME      default: 系统管理员
  uses DATABASE_URL, or PGlite in SSJ_DATA_DIR (./data; stop the server first)
`;
