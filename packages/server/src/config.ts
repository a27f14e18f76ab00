/**
 * Configuration from the environment, parsed with zod. A bad value fails fast with a
 * message that names the variable (issue 2).
 */
import { z } from 'zod';

const portSchema = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  SSJ_DATA_DIR: z.string().min(1).default('./data'),
  PORT: portSchema.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  SSJ_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SSJ_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SSJ_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SSJ_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  SSJ_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  SSJ_WEB_DIST: z.string().optional(),
  SSJ_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** ssj-log/1 §6: the log's Ed25519 private key file (default <SSJ_DATA_DIR>/ssj-log-key.pem). */
  SSJ_LOG_KEY_FILE: z.string().min(1).optional(),
  /** ssj-log/1 §5: sign a new tree head at least this often when entries were added. */
  SSJ_LOG_SIGN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(5),
  SSJ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema>;

/** Thrown only at start-up, before anything listens: the message is for the operator. */
export class ConfigError extends Error {}

/** Parse configuration from an environment; throw ConfigError naming every bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && v !== '') {
      cleaned[k] = v;
    }
  }
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      return `  ${name}=${JSON.stringify(cleaned[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
