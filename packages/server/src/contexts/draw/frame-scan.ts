/**
 * A frozen stratum's frame, streamed out of the database (COPY, byte order) through the draw
 * engine's line scanner: the §4 checks, size and digest at freeze and commit, and the k best
 * tickets at the draw. A broken §4 rule is a VALIDATION error naming the stratum and the line.
 */
import { domainError, err, ok, type DomainError, type FrameIssueCode, type Result } from '@openssj/core';
import type { Db } from '../../db/client';
import { scanFrameStream, type FrameScan } from './engine/stream-scan';
import { frameBytes } from './frame.repo';

const ISSUE_ZH: Readonly<Record<FrameIssueCode, string>> = {
  BOM: '文件以字节顺序标记（BOM）开头',
  CR: '含回车符（CR）',
  EMPTY_LINE: '空行',
  NO_FINAL_NEWLINE: '最后一行没有以换行符结尾',
  EMPTY_ID: '检查对象标识为空',
  EMPTY_UNIT: '监管单位为空',
  EXTRA_TAB: '含多个制表符',
  UNIT_MISSING: '缺少监管单位（其他行均有）',
  UNIT_UNEXPECTED: '不应有监管单位',
  OUT_OF_ORDER: '未按 UTF-8 字节顺序排列（小于上一行）',
  DUPLICATE: '与上一行重复',
  INVALID_UTF8: '不是有效的 UTF-8',
};

/**
 * Scan one stratum's frame: lines carry a UNIT exactly when the jurisdiction rule is on (spec §4);
 * with `draw`, also keep the k best tickets for its seed. `onLines` hears the lines scanned so far.
 */
export async function scanStratum(
  db: Db,
  drawId: string,
  stratum: string,
  jurisdictionRule: boolean,
  draw: { readonly seed: string; readonly k: number } | null = null,
  onLines?: (lines: number) => void,
): Promise<Result<FrameScan, DomainError>> {
  const r = await scanFrameStream(frameBytes(db, drawId, stratum), {
    seed: draw?.seed ?? null,
    k: draw?.k ?? 0,
    withUnits: jurisdictionRule,
    ...(onLines === undefined ? {} : { onLines }),
  });
  if (r.ok) {
    return ok(r.value);
  }
  const { line, code, message } = r.issue;
  return err(
    domainError(
      'VALIDATION',
      `名单文件不符合规范：分层「${stratum}」第 ${line} 行${ISSUE_ZH[code]}`,
      `frame file breaks spec §4: stratum ${stratum}, line ${line}: ${message}`,
      { details: { stratum, line, code } },
    ),
  );
}
