/** Starts and stops `corridor serve` processes for the benchmarks. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI. */
export const cli = join(import.meta.dirname, '../../packages/cli/bin/corridor.js');

/** A running `corridor serve` on 127.0.0.1 with a free port; `args` are added to its options. */
export async function serve(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--port', '0', '--host', '127.0.0.1', '--quiet', '--data', dataDir, ...args],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/[^ ]+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code, signal) => {
      const why = `serve exited ${code ?? signal}: ${err}`;
      reject(new Error(why));
      // A server that dies under a benchmark says why, instead of leaving only refused connections.
      if (!stopping.has(child)) console.error(why);
    });
  });
  return { url, child };
}

/** The servers `stop` was asked to stop (their exit is no news). */
const stopping = new WeakSet<ChildProcess>();

/** Stops a server: SIGTERM, then SIGKILL after 10 s. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  stopping.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
