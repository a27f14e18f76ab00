/**
 * How an inspection was made (issue 15, part 3): on site (现场检查), or remotely (非现场检查) by
 * reviewing documents (书面检查), by online monitoring (网络监测) or by a video call (视频检查). A remote inspection counts as an
 * inspection without a visit: it is made, reviewed and published like any other, but it never
 * knocks on a door, so the 进一次门 figures count it apart.
 */
import { z } from 'zod';
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';

export const VISIT_METHODS = ['onsite', 'document', 'online', 'video'] as const;
export const visitMethodSchema = z.enum(VISIT_METHODS);
export type VisitMethod = z.infer<typeof visitMethodSchema>;

/** The name of each method, as forms and published results show it (the item list's words where they exist). */
export const VISIT_METHOD_LABELS: Readonly<Record<VisitMethod, { zh: string; en: string }>> = {
  onsite: { zh: '现场检查', en: 'On site' },
  document: { zh: '书面检查', en: 'Document review' },
  online: { zh: '网络监测', en: 'Online monitoring' },
  video: { zh: '视频检查', en: 'Video call' },
};

/** Longest record of what a remote inspection looked at. */
export const REMOTE_EVIDENCE_MAX = 2000;

/** Is the method one without a visit (非现场检查)? */
export function isRemoteMethod(m: VisitMethod): boolean {
  return m !== 'onsite';
}

/**
 * The method and its record, as one consistent pair: a remote method needs a record of the
 * documents reviewed or of the call (at least 4 characters); an on-site one carries none.
 */
export function checkMethod(
  method: VisitMethod,
  remoteEvidence: string | null,
): Result<{ method: VisitMethod; remoteEvidence: string | null }, DomainError> {
  const text = (remoteEvidence ?? '').trim();
  if (!isRemoteMethod(method)) {
    return ok({ method, remoteEvidence: null });
  }
  if (text.length < 4) {
    return err(
      domainError(
        'VALIDATION',
        `${VISIT_METHOD_LABELS[method].zh}须记录审查的材料或视频检查的经过（至少 4 个字）`,
        `a ${method} inspection needs a record of the documents reviewed or of the call (at least 4 characters)`,
        {
          issues: [
            {
              field: 'remoteEvidence',
              value: text,
              messageZh: '请填写非现场检查的方式和证据',
              messageEn: 'describe how the remote inspection was made and its evidence',
            },
          ],
        },
      ),
    );
  }
  if (text.length > REMOTE_EVIDENCE_MAX) {
    return err(
      domainError(
        'VALIDATION',
        `非现场检查记录不能超过 ${REMOTE_EVIDENCE_MAX} 字`,
        `the remote inspection record is over ${REMOTE_EVIDENCE_MAX} characters`,
      ),
    );
  }
  return ok({ method, remoteEvidence: text });
}
