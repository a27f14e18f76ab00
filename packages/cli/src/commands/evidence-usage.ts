/** `ssj evidence --help` (kept apart so `ssj --help` loads no command). */
export const EVIDENCE_USAGE =
  'usage: ssj evidence export INSPECTION_ID DIR\n' +
  '       ssj evidence verify DIR\n' +
  '  export writes each photo of a visit as <photo id>.<ext> and the record as evidence.json;\n' +
  '  verify hashes every photo in DIR (SHA-256), compares it with the record and, once published,\n' +
  "  with the transparency log's result entry, and names each file that differs;\n" +
  '  exit 0 all match, 1 a file changed, unknown or missing, 2 unusable input\n' +
  '  environment: DATABASE_URL (PostgreSQL), else SSJ_DATA_DIR (PGlite, default ./data)';
