/** `ssj backup --help` and `ssj restore --help`, loaded without the server (issue 14: fast --help). */
export const BACKUP_USAGE =
  'usage: ssj backup DIR\n' +
  '  writes DIR/manifest.json and the data (PostgreSQL: pg_dump of one snapshot; PGlite: the data dir,\n' +
  '  with the server stopped). The manifest carries the audit chain head, the transparency log root and\n' +
  '  signed tree head, and every table’s row count.\n' +
  '  environment: DATABASE_URL (PostgreSQL), else SSJ_DATA_DIR (PGlite, default ./data)';

export const RESTORE_USAGE =
  'usage: ssj restore DIR --yes\n' +
  '  replaces the database by the backup in DIR (stop the server first), all or nothing, then proves it:\n' +
  '  audit chain, log root and signed head, and every table count equal the manifest. PGlite keeps the\n' +
  '  old data dir beside the new one. Exit 0 restored and proven, 1 a check failed, 2 unusable input.\n' +
  '  environment: DATABASE_URL (PostgreSQL), else SSJ_DATA_DIR (PGlite, default ./data)';
