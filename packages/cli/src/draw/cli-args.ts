/**
 * Shared argument handling for `ssj draw` and `ssj verify` (spec §8): node's parseArgs in strict
 * mode (a missing or unknown flag is unusable input, exit 2), and the environment knobs parsed
 * with zod.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

/** Spec §8 exit codes. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_UNUSABLE = 2;

/** Parsed flags and positionals, or a message for exit 2. */
export type ParsedArgs =
  | {
      ok: true;
      values: Record<string, string | boolean | (string | boolean)[] | undefined>;
      positionals: string[];
    }
  | { ok: false; message: string };

/** parseArgs in strict mode, with errors as values. */
export function parseCommandArgs(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { ok: true, values, positionals };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const envSchema = z.object({
  SSJ_DRAW_SCANNER: z.enum(['auto', 'native', 'js']).default('auto'),
  SSJ_DRAW_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
});

/** The draw's environment knobs: SSJ_DRAW_SCANNER (auto|native|js), SSJ_DRAW_WORKERS. */
export function drawEnv(
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; value: z.infer<typeof envSchema> } | { ok: false; message: string } {
  const r = envSchema.safeParse(env);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, message: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
