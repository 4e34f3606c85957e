/**
 * A real `corridor serve` over a fresh demo operation (allocated and time-tabled), with one
 * user per role, and Debian's Chromium driven by playwright-core: what the browser tests use.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const root = join(import.meta.dirname, '../../..');
export const webDist = join(root, 'packages/web/dist');
export const shots = join(root, 'test-output/web');
const bin = join(root, 'packages/cli/bin/corridor.js');

/** The password of every test user. */
export const password = 'browser tests only, 2026';
/** The users the harness creates, by role. */
export const users = {
  admin: 'ada',
  'movement-officer': 'moses',
  auditor: 'aude',
  planner: 'pia',
} as const;

/** The flags the browser tests give Chromium (no sandbox: tests may run as root in a container). */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function corridor(args: string[], input?: string): string {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '', CORRIDOR_MASTER_KEY: '', CORRIDOR_DATA: '' },
  });
  if (r.status !== 0) throw new Error(`corridor ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Builds the web application with Vite when dist/ is missing (npm test builds it first). */
async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(webDist, 'index.html'))) return;
  const { build } = await import('vite');
  await build({ root: join(root, 'packages/web'), logLevel: 'warn' });
}

/** A running server and browser. */
export interface Harness {
  url: string;
  browser: Browser;
  data: string;
  /** A person of the demo with belongings in the custody ledger (null without one). */
  personWithBelongings: string | null;
  /**
   * A new browser context (own cookies) with a page that records console errors; the browser
   * prefers `locale` (English unless told).
   */
  open(viewport?: { width: number; height: number }, locale?: string): Promise<OpenPage>;
  /** Stops the browser and the server and removes the data. */
  close(): Promise<void>;
}

/** A page and the console errors it has logged. */
export interface OpenPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Starts everything; takes a few seconds. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(root, 'packages/cli/dist/main.js')))
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
  if (!existsSync('/usr/bin/chromium'))
    throw new Error('Chromium is missing: apt-get install -y chromium (npm test does it)');
  await ensureWebBuilt();
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'corridor-web-'));
  const data = join(dir, 'data');
  corridor(['demo', '--data', data]);
  corridor(['allocate', '--data', data, '--json']);
  corridor(['schedule', '--data', data, '--json']);
  const belongings = JSON.parse(corridor(['custody', 'list', '--data', data, '--json'])) as {
    personId: string;
  }[];
  corridor(
    ['user', 'add', users.admin, '--role', 'admin', '--password-stdin', '--data', data],
    password,
  );

  const server: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--data',
      data,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--web',
      webDist,
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${said}`)), 30_000);
    server.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const m = /serving (http:\/\/[^\s]+)/.exec(said);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.once('exit', (code) => reject(new Error(`serve exited (${code}): ${said}`)));
  });
  // The other users through the API, as an administrator would add them (faster than the CLI).
  const login = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: users.admin, password }),
  });
  const { token } = (await login.json()) as { token: string };
  for (const [role, username] of Object.entries(users)) {
    if (role === 'admin') continue;
    const added = await fetch(`${url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ username, role, password }),
    });
    if (added.status !== 201) throw new Error(`adding ${username}: ${await added.text()}`);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumFlags,
  });

  return {
    url,
    browser,
    data,
    personWithBelongings: belongings[0]?.personId ?? null,
    open: async (viewport = { width: 1280, height: 900 }, locale = 'en-US') => {
      const context = await browser.newContext({ viewport, baseURL: url, locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
      });
      page.setDefaultTimeout(10_000);
      return { context, page, errors };
    },
    close: async () => {
      await browser.close();
      const stopped = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await stopped;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login page as the user of `role`. */
export async function logIn(page: Page, role: keyof typeof users): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(users[role]);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).waitFor();
}
