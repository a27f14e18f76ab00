/**
 * Bulk account import (issue 11) through the shared import runner: all-or-nothing, every error
 * naming row, column and reason, optional dry run. It runs while the request waits, because the
 * one-time passwords go back in the reply and nowhere else.
 */
import { rm } from 'node:fs/promises';
import { ok, type DomainError, type Result } from '@openssj/core';
import type { AuditContext } from './auth/actor';
import { accountImportSpec, ACCOUNT_HEADERS, ACCOUNT_NOTES, type AccountCredential } from './account.import';
import { runImport, type ImportOutcome } from './sheets/import-runner';
import { fileSource } from './sheets/sheet-reader';
import { templateXlsx } from './sheets/sheet-writer';
import type { ServiceDeps } from './context';
import type { Upload } from './http/upload';

/** The outcome of an account import and, when written, each account's one-time password. */
export type AccountImportReply = ImportOutcome & { readonly credentials: readonly AccountCredential[] };

/** Import accounts from an uploaded file; the file is removed afterwards. */
export async function importAccounts(
  deps: ServiceDeps,
  ctx: AuditContext,
  upload: Upload,
  dryRun: boolean,
): Promise<Result<AccountImportReply, DomainError>> {
  const credentials: AccountCredential[] = [];
  try {
    const res = await runImport(
      deps.database.db,
      accountImportSpec((c) => credentials.push(c)),
      fileSource(upload.path, upload.fileName),
      { mode: 'all-or-nothing', dryRun, ctx: { audit: ctx, now: deps.clock() }, sizeBytes: upload.sizeBytes },
    );
    if (!res.ok) {
      return res;
    }
    // a dry run or a rejected file rolled back: its passwords belong to no account
    return ok({ ...res.value, credentials: res.value.written ? credentials : [] });
  } finally {
    await rm(upload.path, { force: true });
  }
}

/** The account import template (.xlsx with the Chinese headers and a notes sheet). */
export async function accountTemplate(): Promise<{ fileName: string; bytes: Buffer }> {
  return {
    fileName: '用户账号导入模板.xlsx',
    bytes: await templateXlsx('用户账号', ACCOUNT_HEADERS, ACCOUNT_NOTES),
  };
}
