#!/usr/bin/env node
// The two commands of the README, and the benchmarks: installs what is missing, builds, then
// runs the demo, the whole test suite or the benchmarks. Node built-ins only: it runs before
// anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [task, ...args] = process.argv.slice(2);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function log(message) {
  process.stderr.write(`\x1b[1m==> ${message}\x1b[0m\n`);
}

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function must(command, commandArgs, options) {
  const status = run(command, commandArgs, options);
  if (status !== 0) {
    log(`${command} ${commandArgs.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

function quiet(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: root, encoding: 'utf8' });
  return { ok: !r.error && r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function aptInstall(packages) {
  if (!isRoot) {
    log(
      `please install ${packages.join(' ')} (apt-get install -y ${packages.join(' ')}); not root, so not installing`,
    );
    process.exit(1);
  }
  log(`installing ${packages.join(' ')} with apt-get`);
  must('apt-get', ['update', '-qq']);
  must('apt-get', ['install', '-y', '-qq', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** npm dependencies: `npm ci` when the lock file changed since the last install. */
function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const stamp = join(root, 'node_modules', '.corridor-installed');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('installing npm dependencies (npm ci)');
  must('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

/** TypeScript packages (incremental) and, when present, the web application. */
function build() {
  log('building');
  must(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
  if (existsSync(join(root, 'packages/web/vite.config.ts'))) {
    must('npm', ['run', 'build', '--silent', '-w', '@corridor/web']);
  }
}

/** PostgreSQL at 127.0.0.1:5432: started if installed, installed (trust for local TCP) if not. */
function ensurePostgres() {
  const ready = () => quiet('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).ok;
  if (quiet('pg_isready', ['--version']).ok && ready()) return;
  let installedNow = false;
  if (!existsSync('/etc/postgresql') || readdirSync('/etc/postgresql').length === 0) {
    aptInstall(['postgresql']);
    installedNow = true;
  }
  const version = readdirSync('/etc/postgresql').sort().at(-1);
  if (installedNow) {
    const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
    const text = readFileSync(hba, 'utf8');
    writeFileSync(hba, `host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n${text}`);
  }
  log(`starting PostgreSQL ${version}`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  for (let i = 0; i < 30 && !ready(); i++) spawnSync('sleep', ['1']);
  if (!ready()) {
    log('PostgreSQL does not answer at 127.0.0.1:5432');
    process.exit(1);
  }
}

/** Debian's Chromium for the browser tests. */
function ensureChromium() {
  if (!existsSync(join(root, 'packages/web/e2e'))) return;
  if (existsSync('/usr/bin/chromium')) return;
  aptInstall(['chromium']);
}

function cli(cliArgs) {
  return run(process.execPath, [join(root, 'packages/cli/bin/corridor.js'), ...cliArgs]);
}

function demo() {
  ensureDependencies();
  build();
  log('creating the demo operation');
  let status = cli(['demo', ...args]);
  if (status !== 0) process.exit(status);
  const dataArgs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data' && args[i + 1]) dataArgs.push('--data', args[i + 1]);
    if (args[i]?.startsWith('--data=')) dataArgs.push(args[i]);
  }
  for (const step of planningSteps()) {
    log(`planning: corridor ${step.join(' ')}`);
    status = cli([...step, ...dataArgs]);
    if (status !== 0) process.exit(status);
  }
  const data = dataArgs.length ? ` ${dataArgs.join(' ')}` : '';
  log('next');
  console.log(
    [
      'See it in the browser: add a user, serve, open http://127.0.0.1:8080 and log in.',
      `  printf 'a long enough password\\n' | npx corridor user add ana --role admin --password-stdin${data}`,
      `  npx corridor serve --port 8080${data}`,
      `The situation report (A4 PDF): npx corridor report --out report.pdf${data}`,
    ].join('\n'),
  );
}

/** The planning commands the demo runs, as far as the CLI has them. */
function planningSteps() {
  const help = quiet(process.execPath, [join(root, 'packages/cli/bin/corridor.js'), '--help']).out;
  const steps = [];
  if (/^\s+allocate\b/m.test(help)) steps.push(['allocate']);
  if (/^\s+schedule\b/m.test(help)) steps.push(['schedule']);
  return steps;
}

function test() {
  ensureDependencies();
  ensurePostgres();
  ensureChromium();
  log('format check (prettier)');
  must(process.execPath, [
    join(root, 'node_modules/prettier/bin/prettier.cjs'),
    '--check',
    '--log-level',
    'warn',
    '.',
  ]);
  log('lint (eslint, zero warnings)');
  must(process.execPath, [
    join(root, 'node_modules/eslint/bin/eslint.js'),
    '--max-warnings',
    '0',
    '.',
  ]);
  build();
  log('type-check the benchmarks');
  must(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'bench']);
  log('tests (vitest)');
  mkdirSync(join(root, 'test-output'), { recursive: true });
  const report = join(root, 'test-output', 'vitest.json');
  const status = run(process.execPath, [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    process.stdout.write(
      `\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
    );
  }
  process.exit(status);
}

function bench() {
  ensureDependencies();
  ensurePostgres();
  build();
  const benches = readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const only = args.filter((a) => !a.startsWith('-'));
  let failed = 0;
  for (const file of benches) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    log(`benchmark ${file}`);
    failed +=
      run(process.execPath, [
        '--max-old-space-size=16384',
        '--import',
        'tsx',
        join(root, 'bench', file),
      ]) === 0
        ? 0
        : 1;
  }
  process.exit(failed ? 1 : 0);
}

const tasks = { demo, test, bench, build: () => (ensureDependencies(), build()) };
if (!(task in tasks)) {
  process.stderr.write(
    `usage: node scripts/bootstrap.mjs ${Object.keys(tasks).join('|')} [args]\n`,
  );
  process.exit(2);
}
tasks[task]();
