/** An exclusive lock on a data folder: PGlite itself does not stop a second process. */
import {
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { errors } from '@corridor/core';

/** The lock file's name inside the data folder. */
export const lockFileName = 'corridor.lock';
/** Written by `corridor serve` beside the lock: where the process holding the folder answers. */
export const servingFileName = 'corridor.serving';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** The kernel's boot id when the lock was taken (Linux): another boot means a stale lock. */
  boot?: string;
  /** The holder's start time in clock ticks since boot (Linux): tells a reused PID apart. */
  start?: string;
}

/** This machine's boot id, or undefined where the kernel does not say. */
function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** When process `pid` started (field 22 of /proc/PID/stat), or undefined when unknown or gone. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Whether the process that wrote the lock still holds it. Not by PID alone: after a reboot (another
 * boot id) or a container restart (the same hostname and PID 1, but another start time) the PID
 * names a different process. A lock from another host cannot be checked and counts as held.
 */
function holderAlive(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return true;
  const boot = bootId();
  if (holder.boot && boot && holder.boot !== boot) return false;
  if (!processAlive(holder.pid)) return false;
  const start = processStart(holder.pid);
  if (holder.start && start) return holder.start === start;
  // On Linux this process's own lock names its start time: one with our PID and none is older.
  if (holder.pid === process.pid) return start === undefined;
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** The refusal for a folder another process holds, with the server's address when it serves. */
function inUse(dir: string, pid: number): Error {
  let url: string | undefined;
  try {
    const serving = JSON.parse(readFileSync(join(dir, servingFileName), 'utf8')) as {
      pid?: unknown;
      url?: unknown;
    };
    if (serving.pid === pid && typeof serving.url === 'string') url = serving.url;
  } catch {
    // Not serving (or not said): the plain message.
  }
  return errors.dataInUse(dir, pid, url);
}

/**
 * Records that this process serves the folder at `url`, so that a second process is told where
 * to ask instead; returns the function that removes the record (call it before releasing).
 */
export function noteServing(dir: string, url: string): () => void {
  const path = join(dir, servingFileName);
  writeFileSync(path, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 });
  return () => {
    try {
      const said = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown };
      if (said.pid === process.pid) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  };
}

/** A held lock; release it when the folder is closed. */
export interface FolderLock {
  release(): void;
}

/**
 * Takes the folder's lock or fails with "in use by process N". A lock left by a process that
 * no longer runs on this host (gone, or its PID now another process's: see `holderAlive`) is
 * stale: it is moved aside atomically and the take is retried.
 */
export function lockFolder(dir: string): FolderLock {
  const path = join(dir, lockFileName);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const boot = bootId();
      const start = processStart(process.pid);
      const info: LockInfo = {
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
        ...(boot ? { boot } : {}),
        ...(start ? { start } : {}),
      };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      // A server killed without cleaning up left its address: nobody serves the folder now.
      rmSync(join(dir, servingFileName), { force: true });
      return { release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(path);
    if (holder && holderAlive(holder)) throw inUse(dir, holder.pid);
    if (!holder && justWritten(path)) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    // Stale (or half-written) lock: move it aside under a unique name; only one process wins.
    try {
      renameSync(path, `${path}.stale-${process.pid}-${attempt}`);
      rmSync(`${path}.stale-${process.pid}-${attempt}`, { force: true });
    } catch {
      // Another process recovered it first; try again.
    }
  }
  const holder = readLock(path);
  throw holder
    ? inUse(dir, holder.pid)
    : errors.notCorridorData(dir, `its lock file ${path} cannot be taken`);
}

/** A lock file without content younger than two seconds may still be being written by its owner. */
function justWritten(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 2000;
  } catch {
    return false;
  }
}

function releaseIfOurs(path: string): void {
  const holder = readLock(path);
  const start = processStart(process.pid);
  if (holder?.pid === process.pid && (!holder.start || !start || holder.start === start))
    rmSync(path, { force: true });
}
