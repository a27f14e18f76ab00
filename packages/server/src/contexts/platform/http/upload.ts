/**
 * Multipart uploads to a temporary file, for imports and claim lists. Bad requests (not
 * multipart, no file, too large) are domain errors, never 500s.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { domainError, err, ok, visibleText, type DomainError, type Result } from '@openssj/core';
import type { FastifyRequest } from 'fastify';

/** A file saved from a multipart request. */
export interface Upload {
  readonly path: string;
  readonly fileName: string;
  readonly sizeBytes: number;
}

const UPLOAD_DIR = path.join(os.tmpdir(), 'openssj-uploads');

/** Save the request's single file to a temporary path; the caller removes it. */
export async function saveUpload(request: FastifyRequest): Promise<Result<Upload, DomainError>> {
  if (!request.isMultipart()) {
    return err(
      domainError(
        'VALIDATION',
        '请以 multipart/form-data 上传文件',
        'upload the file as multipart/form-data',
      ),
    );
  }
  let file;
  try {
    file = await request.file();
  } catch (e) {
    return err(
      domainError(
        'VALIDATION',
        '上传内容无效',
        `invalid upload: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
  if (file === undefined) {
    return err(domainError('VALIDATION', '没有收到文件', 'no file was uploaded'));
  }
  await mkdir(UPLOAD_DIR, { recursive: true });
  const target = path.join(UPLOAD_DIR, `${randomUUID()}.upload`);
  try {
    await pipeline(file.file, createWriteStream(target));
  } catch (e) {
    await rm(target, { force: true });
    return err(
      domainError(
        'VALIDATION',
        '文件上传中断',
        `the upload was interrupted: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
  }
  if (file.file.truncated) {
    await rm(target, { force: true });
    return err(domainError('VALIDATION', '文件过大', 'the file is too large'));
  }
  // The name is stored with the job: no NUL or lone surrogate (the body is never validated by zod).
  const fileName = visibleText(path.basename(file.filename || 'upload')).slice(0, 200);
  return ok({ path: target, fileName, sizeBytes: (await stat(target)).size });
}

/** A Content-Disposition header for a download with a Chinese file name (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
