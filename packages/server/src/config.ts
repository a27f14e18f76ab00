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
  /** Streaming replicas for portal, dashboard and export reads (issue 17 §1), comma-separated. */
  DATABASE_READ_URLS: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/[^,\s]+(\s*,\s*postgres(ql)?:\/\/[^,\s]+)*$/,
      'comma-separated postgres:// URLs',
    )
    .optional(),
  /** Past this lag a replica is left out and reads go to the primary. */
  SSJ_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  SSJ_DATA_DIR: z.string().min(1).default('./data'),
  PORT: portSchema.default(8080),
  // No default: 127.0.0.1 while demo data is on, else 0.0.0.0 (see listenHost).
  HOST: z.string().min(1).optional(),
  // The address users reach the app at; an https URL makes the session cookie Secure and sends HSTS.
  SSJ_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  // Trust X-Forwarded-* from a TLS-terminating proxy: `true`, or the proxy's addresses (comma-separated).
  SSJ_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, 'true, false, or proxy addresses (a,b,c)')
    .default('false'),
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
  // Anonymous calls to /api per IP and minute (the public portal; logins have their own limit).
  SSJ_ANON_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  SSJ_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  // The demo accounts' password (tests, e2e); unset: a random one at first start.
  SSJ_DEMO_PASSWORD: z.string().min(10, 'at least 10 characters').max(128).optional(),
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
  /** /metrics for a Prometheus that sends this bearer token; unset: this machine only. */
  SSJ_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').max(200).optional(),
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
  if (parsed.data.DATABASE_READ_URLS !== undefined && parsed.data.DATABASE_URL === undefined) {
    throw new ConfigError(
      '配置错误 / invalid configuration:\n  DATABASE_READ_URLS: 需要同时设置 DATABASE_URL / needs DATABASE_URL (replicas follow a PostgreSQL primary)',
    );
  }
  return parsed.data;
}

/** The replica URLs of DATABASE_READ_URLS. */
export function readUrlsOf(config: Config): string[] {
  return (config.DATABASE_READ_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/** Fastify's trustProxy setting from SSJ_TRUST_PROXY. */
export function trustProxyOf(config: Config): boolean | string {
  if (config.SSJ_TRUST_PROXY === 'true') {
    return true;
  }
  return config.SSJ_TRUST_PROXY === 'false' ? false : config.SSJ_TRUST_PROXY;
}

/** True when users reach the app over https (SSJ_PUBLIC_URL), so cookies are always Secure. */
export function servedOverHttps(config: Config): boolean {
  return config.SSJ_PUBLIC_URL?.startsWith('https:') === true;
}
