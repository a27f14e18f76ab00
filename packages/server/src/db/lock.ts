/**
 * A cross-process lock on the PGlite data dir. PGlite has none of its own, and two processes
 * writing one data dir would corrupt it, so a second process is told clearly that it is in use.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

export interface DataDirLock {
  release(): void;
}

/** Raised when another live process holds the data dir. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据库正在被进程 ${pid} 使用：${dataDir}\n` +
        `the embedded database in ${dataDir} is in use by process ${pid}; stop it first, or set DATABASE_URL to use a PostgreSQL server`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock file `ssj.lock` in dataDir, or throw DataDirInUseError. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'ssj.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (!released) {
          released = true;
          rmSync(file, { force: true });
          process.off('exit', release);
        }
      };
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw e;
      }
      const holder = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new DataDirInUseError(path.resolve(dataDir), holder);
      }
      // A stale lock from a process that died: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
