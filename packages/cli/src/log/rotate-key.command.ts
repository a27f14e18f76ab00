/**
 * `ssj log rotate-key` (ssj-log/1 §6): replace the log's signing key. The old key signs a tree
 * head over a `key` entry that names the new key, then retires; the new key signs from then on.
 * Works on the configured database and key file (DATABASE_URL or SSJ_DATA_DIR, SSJ_LOG_KEY_FILE).
 * On the embedded database, stop the server first; on PostgreSQL a running server on this
 * machine picks the new key file up at its next signing round.
 */
import process from 'node:process';
import { withDatabase } from '../commands/with-database';
import { logKeyFile, rotateLogKey } from '@openssj/server';

export const ROTATE_USAGE = `  ssj log rotate-key
      replace the signing key: the old key signs a head over a "key" entry naming the new one,
      then retires (uses DATABASE_URL or SSJ_DATA_DIR, and SSJ_LOG_KEY_FILE)
`;

/** Run `ssj log rotate-key`; returns the exit code. */
export async function rotateKeyCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv.length > 0) {
    process.stderr.write(
      `ssj log rotate-key: unexpected argument "${argv[0] ?? ''}"\nusage:\n${ROTATE_USAGE}`,
    );
    return 2;
  }
  return withDatabase(
    async (database, config) => {
      const file = logKeyFile(config);
      const r = await rotateLogKey(database, file, () => new Date());
      if (!r.ok) {
        process.stderr.write(`ssj log rotate-key: ${r.error.messageZh} / ${r.error.messageEn}\n`);
        return 1;
      }
      const v = r.value;
      process.stdout.write(
        [
          `密钥已轮换 / key rotated: ${v.previousKeyId} → ${v.keyId}`,
          `  旧密钥签名的轮换树头 / rotation head signed by the old key: size ${v.rotationHead.treeSize}, root ${v.rotationHead.rootHash}`,
          `  新密钥的第一个树头 / first head of the new key: size ${v.firstHead.treeSize}`,
          `  旧私钥已移至 / the old private key moved to: ${v.retiredFile} (离线保存或销毁 / keep offline or destroy)`,
          '',
        ].join('\n'),
      );
      return 0;
    },
    { env },
  );
}
