/**
 * `ssj verify RECORD_JSON --frame STRATUM=FRAME_FILE ...` (spec §8): recomputes digests,
 * commitment, selections and teams with core alone. Prints `verified` (exit 0) or the first
 * difference (exit 1); unusable input exits 2.
 */
import { readFileSync } from 'node:fs';
import { describeDifference, drawRecordSchema, verifyRecord } from '@openssj/core';
import { EXIT_FAILED, EXIT_OK, EXIT_UNUSABLE, parseCommandArgs } from '../draw/cli-args';
import { asTicketHasher, pickLineHasher } from '../draw/line-hasher';

const USAGE = 'usage: ssj verify RECORD_JSON --frame STRATUM=FRAME_FILE ...\n';

function unusable(message: string): number {
  process.stderr.write(`ssj verify: ${message}\n${USAGE}`);
  return EXIT_UNUSABLE;
}

function readBytes(path: string): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: readFileSync(path) };
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Run `ssj verify`; returns the exit code (spec §8). */
export function run(argv: readonly string[]): Promise<number> {
  return Promise.resolve(verify(argv));
}

function verify(argv: readonly string[]): number {
  const args = parseCommandArgs(argv, { frame: { type: 'string', multiple: true } });
  if (!args.ok) {
    return unusable(args.message);
  }
  if (args.positionals.length !== 1) {
    return unusable(
      args.positionals.length === 0
        ? 'missing RECORD_JSON'
        : `one RECORD_JSON expected, got ${args.positionals.length}`,
    );
  }
  const recordPath = args.positionals[0] ?? '';
  const recordBytes = readBytes(recordPath);
  if (!recordBytes.ok) {
    return unusable(recordBytes.message);
  }
  let record: unknown;
  try {
    record = JSON.parse(recordBytes.bytes.toString('utf8'));
  } catch (e) {
    return unusable(`${recordPath} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const frameArgs = args.values['frame'];
  const frameSpecs = Array.isArray(frameArgs)
    ? frameArgs.filter((f): f is string => typeof f === 'string')
    : [];
  const framePaths = new Map<string, string>();
  for (const spec of frameSpecs) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) {
      return unusable(`--frame wants STRATUM=FRAME_FILE, got "${spec}"`);
    }
    const name = spec.slice(0, eq);
    if (framePaths.has(name)) {
      return unusable(`--frame ${name} given twice`);
    }
    framePaths.set(name, spec.slice(eq + 1));
  }
  // With a well-formed record, every stratum needs exactly one --frame (a missing or unknown flag: exit 2).
  const shape = drawRecordSchema.safeParse(record);
  if (shape.success) {
    const names = new Set(shape.data.strata.map((s) => s.name));
    for (const name of names) {
      if (!framePaths.has(name)) {
        return unusable(`missing --frame ${name}=FRAME_FILE`);
      }
    }
    for (const name of framePaths.keys()) {
      if (!names.has(name)) {
        return unusable(`--frame ${name}: the record has no stratum ${name}`);
      }
    }
  }
  const frames = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const [name, path] of framePaths) {
    const bytes = readBytes(path);
    if (!bytes.ok) {
      return unusable(bytes.message);
    }
    try {
      frames.set(name, decoder.decode(bytes.bytes));
    } catch {
      process.stdout.write(
        `structure (step 1, FRAME_NOT_UTF8) [stratum ${name}]: frame file ${path} is not valid UTF-8 (spec §4)\n`,
      );
      return EXIT_FAILED;
    }
  }
  const hasher = pickLineHasher('auto');
  const result = verifyRecord(record, frames, hasher === null ? undefined : asTicketHasher(hasher));
  if (result.ok) {
    process.stdout.write('verified\n');
    return EXIT_OK;
  }
  process.stdout.write(describeDifference(result.error) + '\n');
  return EXIT_FAILED;
}
