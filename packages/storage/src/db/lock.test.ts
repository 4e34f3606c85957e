import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/backends.js';
import { lockFileName, lockFolder } from './lock.js';

const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const startOf = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

describe('the data folder lock', () => {
  const files = tempDir();
  afterAll(() => files.cleanup());
  let n = 0;

  /** A folder whose lock file says `info`, as a process before us left it. */
  function folderLockedBy(info: Record<string, unknown>): string {
    const dir = join(files.dir, `f${++n}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, lockFileName),
      JSON.stringify({ host: hostname(), since: new Date(0).toISOString(), ...info }),
    );
    return dir;
  }

  it('takes over a lock left by a restarted container: same host, same PID, another start', () => {
    const dir = folderLockedBy({ pid: process.pid, boot: bootId, start: '1' });
    const lock = lockFolder(dir);
    const written = JSON.parse(readFileSync(join(dir, lockFileName), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, boot: bootId, start: startOf(process.pid) });
    // Now it is ours and live: a second take in this process is refused, then released.
    expect(() => lockFolder(dir)).toThrow(/in use by process/);
    lock.release();
    lockFolder(dir).release();
  });

  it('takes over an old-format lock naming our own PID (an earlier incarnation wrote it)', () => {
    lockFolder(folderLockedBy({ pid: process.pid })).release();
  });

  it('takes over a lock from another boot even when its PID now runs something else', () => {
    const dir = folderLockedBy({
      pid: process.ppid,
      boot: 'another-boot',
      start: startOf(process.ppid),
    });
    lockFolder(dir).release();
  });

  it('still refuses a lock held by a live process, by its PID and start time', async () => {
    const child = spawn('sleep', ['30']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const pid = child.pid!;
      const held = folderLockedBy({ pid, boot: bootId, start: startOf(pid) });
      expect(() => lockFolder(held)).toThrow(new RegExp(`in use by process ${pid}`));
      // The same PID with another start time is a different (reused) process: stale.
      lockFolder(folderLockedBy({ pid, boot: bootId, start: '1' })).release();
      // An old-format lock of a live process is still honoured.
      expect(() => lockFolder(folderLockedBy({ pid }))).toThrow(/in use by process/);
    } finally {
      child.kill();
    }
  });
});
