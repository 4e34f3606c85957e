/** Test helper: runs `corridor ARGS` in this process (the same `main` as the binary). */
import { main } from './main.js';

/** The exit code and what `corridor ARGS` printed. */
export async function corridorInProcess(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as never;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as never;
  try {
    const code = await main(['node', 'corridor', ...args]);
    process.exitCode = undefined;
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
