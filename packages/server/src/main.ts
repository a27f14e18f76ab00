/**
 * Starts OpenSSJ: configuration, database (PGlite in the data dir, or DATABASE_URL),
 * migrations, demo data on first start, and the HTTP server with the built web app.
 */
import path from 'node:path';
import process from 'node:process';
import { checkPasswordPolicy } from '@openssj/core';
import { ConfigError, loadConfig, readUrlsOf, type Config } from './config';
import { openPglite, openPostgres, type Database } from './db/client';
import { DataDirInUseError } from './db/lock';
import { migrate } from './db/migrate';
import {
  countUsers,
  isDemoDatabase,
  fileKeySource,
  finishPendingRotation,
  logKeyFile,
  startLogSigner,
} from './contexts/platform';
import { seedWorkflowHistory } from './demo/history.demo';
import { seedJointOpportunities } from './demo/joint.demo';
import { seedResultHistory } from './demo/results-history.demo';
import { seedCrossRegionHistory } from './demo/cross-region.demo';
import { seedDemoAppeals } from './demo/appeals.demo';
import { DEMO_ACCOUNTS, seedDemo } from './demo/seed';
import { DEMO_ACCOUNTS_FILE, randomPassword, writeDemoAccountsFile } from './demo/demo-accounts';
import { buildApp, type App } from './app';

export interface Running {
  readonly app: App;
  readonly database: Database;
  readonly url: string;
  stop(): Promise<void>;
}

/** Open the database the configuration names (and its read replicas). */
export async function openDatabase(config: Config, log?: (line: string) => void): Promise<Database> {
  return config.DATABASE_URL !== undefined
    ? openPostgres(config.DATABASE_URL, {
        readUrls: readUrlsOf(config),
        maxLagSeconds: config.SSJ_REPLICA_MAX_LAG_SECONDS,
        ...(log === undefined ? {} : { log }),
      })
    : openPglite(config.SSJ_DATA_DIR);
}

/** The default location of the built web app. */
export function defaultWebDist(): string {
  return path.resolve(import.meta.dirname, '../../web/dist');
}

/** Where to listen: HOST, else only this machine while the database holds demo data (issue 10 §2). */
export function listenHost(config: Config, demo: boolean): string {
  return config.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0');
}

/** Seed the demo data set and its history, with `password` for every demo account. */
async function loadDemoData(
  database: Database,
  config: Config,
  password: string,
  log: (line: string) => void,
): Promise<void> {
  log('正在生成演示数据… / loading demo data…');
  const stats = await seedDemo(database, { clock: () => new Date(), password, log });
  const h = await seedWorkflowHistory(database, { config }, { log });
  log(`  计划与摇号 / plans ${h.plans}, tasks ${h.tasks}, draws ${h.draws}, inspections ${h.inspections}`);
  const j = await seedJointOpportunities(database, { config });
  log(
    `  联合抽查建议 / joint suggestion ${j.taskIds.join(' + ')}: visits ${j.estimate.alone} → ${j.estimate.merged}`,
  );
  const r = await seedResultHistory(database);
  log(
    `  检查结果 / results ${r.results}, published ${r.published}, awaiting review ${r.awaitingReview}, follow-ups ${r.followUps}`,
  );
  const x = await seedCrossRegionHistory(database, { config });
  log(
    `  跨区域联合抽查 / cross-region task ${x.taskId}: inspections ${x.inspections}, published ${x.published}`,
  );
  const appeals = await seedDemoAppeals(database, new Date());
  log(`  异议与信用修复 / objections and credit repair: ${appeals}`);
  log(`演示数据已载入 / demo data loaded: ${stats}`);
}

/** The demo accounts' password: SSJ_DEMO_PASSWORD (checked against the policy), else a random one. */
function demoPasswordOf(config: Config): string {
  const given = config.SSJ_DEMO_PASSWORD;
  if (given === undefined) {
    return randomPassword();
  }
  for (const a of DEMO_ACCOUNTS.accounts) {
    const p = checkPasswordPolicy(given, a.username);
    if (!p.ok) {
      throw new ConfigError(
        `配置错误 / invalid configuration:\n  SSJ_DEMO_PASSWORD: ${p.error.messageZh} / ${p.error.messageEn}`,
      );
    }
  }
  return given;
}

/** The start-up lines about accounts: the demo password once, where it is kept, or how to begin. */
function logAccess(
  s: { demo: boolean; demoPassword: string | null; demoFile: string; noAccounts: boolean },
  log: (line: string) => void,
): void {
  if (s.demo) {
    log('');
    log('  ⚠ 演示环境 / DEMO ENVIRONMENT — 不得用于生产 / never use it in production');
  }
  if (s.demoPassword !== null) {
    log(`  演示账号 / demo accounts (密码只显示这一次 / password shown once: ${s.demoPassword}):`);
    for (const a of DEMO_ACCOUNTS.accounts) {
      log(`    ${a.username.padEnd(12)} ${a.label}`);
    }
    log(`  已保存至 / saved to ${s.demoFile} (0600)`);
  } else if (s.demo) {
    log(`  演示账号与密码 / demo accounts and password: ${s.demoFile}`);
  } else if (s.noAccounts) {
    log('  空库：请先创建第一个系统管理员 / empty database: create the first system administrator:');
    log('    npm run ssj -- users bootstrap --help');
  }
}

/** Start the server; `log` receives the start-up lines. */
export async function startServer(
  env: Readonly<Record<string, string | undefined>>,
  log: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<Running> {
  const t0 = performance.now();
  const config = loadConfig(env);
  const database = await openDatabase(config, log);
  try {
    log(`数据库 / database: ${database.where}`);
    const applied = await migrate(database);
    if (applied.length > 0) {
      log(`已应用迁移 / migrations applied: ${applied.join(', ')}`);
    }
    const empty = (await countUsers(database.db)) === 0;
    let demoPassword: string | null = null;
    let demoFile = path.join(config.SSJ_DATA_DIR, DEMO_ACCOUNTS_FILE);
    if (config.SSJ_DEMO === 'on' || (config.SSJ_DEMO === 'auto' && empty)) {
      if (!empty) {
        log('演示数据已存在，跳过 / demo data already present, skipped');
      } else {
        demoPassword = demoPasswordOf(config);
        await loadDemoData(database, config, demoPassword, log);
        // written before the server listens, so a failed start does not lose the password
        demoFile = writeDemoAccountsFile(config.SSJ_DATA_DIR, demoPassword, new Date());
      }
    }
    const clock = (): Date => new Date();
    // ssj-log/1 §6: the signing key lives in a file outside the database
    const keyFile = logKeyFile(config);
    // a rotation interrupted half-way is finished (or undone) before the key is loaded
    const pending = await finishPendingRotation(database, keyFile, clock);
    if (!pending.ok) {
      throw new Error(pending.error.messageEn);
    }
    if (pending.value !== null) {
      log(
        `已完成中断的密钥轮换 / finished an interrupted key rotation: keyId ${pending.value.keyId.slice(0, 16)}…`,
      );
    }
    const { key: logKey, source: logKeys, created } = fileKeySource(keyFile);
    log(
      `${created ? '已生成' : '已载入'}日志签名密钥 / log signing key ${created ? 'generated' : 'loaded'}: ${keyFile} (keyId ${logKey.keyId.slice(0, 16)}…)`,
    );
    const stopSigner = startLogSigner(database, logKeys, config.SSJ_LOG_SIGN_MINUTES, clock, (e) => {
      log(`日志签名失败 / log signing failed: ${e instanceof Error ? e.message : String(e)}`);
    });
    const app = await buildApp({
      database,
      config,
      clock,
      logKey: logKeys,
      webDist: config.SSJ_WEB_DIST ?? defaultWebDist(),
      logger: env['SSJ_HTTP_LOG'] === '1',
    });
    const demo = await isDemoDatabase(database.db);
    const address = await app.listen({ port: config.PORT, host: listenHost(config, demo) });
    const url = `http://localhost:${new URL(address).port}`;
    log('');
    log(
      `OpenSSJ 双随机、一公开 监管平台 已启动 / started in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    log(`  地址 / URL:            ${url}`);
    log(`  公示门户 / portal:     ${url}/`);
    log(`  接口文档 / API docs:   ${url}/api/docs`);
    if (config.HOST === undefined && demo) {
      log('  仅本机可访问（演示数据）/ reachable from this machine only (demo data): set HOST to open it');
    }
    logAccess({ demo, demoPassword, demoFile, noAccounts: empty && demoPassword === null }, log);
    return {
      app,
      database,
      url,
      async stop() {
        await stopSigner();
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

/** Run from the command line: print clear messages for expected start-up failures. */
export async function runServer(env: Readonly<Record<string, string | undefined>>): Promise<number> {
  let running: Running;
  try {
    running = await startServer(env);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DataDirInUseError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`端口已被占用 / port already in use: set PORT to another port\n`);
      return 1;
    }
    if (code === 'ECONNREFUSED') {
      process.stderr.write(
        `无法连接数据库 / cannot connect to the database at DATABASE_URL: ${(e as Error).message}\n`,
      );
      return 1;
    }
    throw e;
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.stop().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
