/**
 * The offline desk in Chromium: after one visit the app reloads without a connection, the desk
 * unlocks with the password from the encrypted copy on the device, two stations record offline
 * (agreeing and disagreeing), and on reconnect every record reaches the server through the
 * merge, the disagreement listed as a conflict. The device's data is unreadable without the
 * password and gone after logout.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumFlags,
  password,
  shots,
  startHarness,
  users,
  type Harness,
  type OpenPage,
} from './harness.js';

let h: Harness;
const tablet = { width: 820, height: 1180 };
const movement = 'M-001';

beforeAll(async () => {
  h = await startHarness();
}, 300_000);

afterAll(async () => {
  await h?.close();
});

interface DeskPerson {
  personId: string;
  householdId: string;
  name: string | null;
  status: string;
}
interface Event {
  station: string;
  seq: number;
  personId: string;
  status: string;
}

async function api<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

/** Everything the device keeps, read raw as an attacker with the page (or the disk) would. */
function rawDeviceData(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const text = (v: unknown): string => {
      if (v instanceof ArrayBuffer) return new TextDecoder('latin1').decode(v);
      if (ArrayBuffer.isView(v)) return new TextDecoder('latin1').decode(v);
      if (v && typeof v === 'object')
        return Object.entries(v)
          .map(([k, x]) => `${k}=${text(x)}`)
          .join(' ');
      return String(v);
    };
    const out: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      for (const store of Array.from({ length: db.objectStoreNames.length }, (_, i) =>
        db.objectStoreNames.item(i)!,
      )) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        out.push(`${info.name}/${store}: ${all.map(text).join(' | ')}`);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out.push(`localStorage ${k}=${localStorage.getItem(k)}`);
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) out.push(`cache ${name} ${request.url}`);
    }
    return out.join('\n');
  });
}

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** The files that hold `text` in UTF-8 or UTF-16 (either byte order: Chromium stores both). */
function filesHolding(files: { path: string; bytes: Buffer }[], text: string): string[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  const needles = [Buffer.from(text, 'utf8'), le, be];
  return files.filter((f) => needles.some((n) => f.bytes.includes(n))).map((f) => f.path);
}

/** Logs in, opens the movement-day page and waits until the device holds the desk list. */
async function visitOnce(page: Page, open = movement): Promise<void> {
  // Straight to the page, then log in: a reload would lock the device's key again.
  await page.goto(`/movement-day?movement=${open}`);
  await page.getByLabel('Username').fill(users['movement-officer']);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('device-kept').filter({ hasText: `encrypted: ` }).waitFor();
  await page.getByTestId('device-kept').filter({ hasText: open }).waitFor();
  // The service worker controls the page once it has precached the shell.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
  });
}

/** Reloads without a connection and unlocks the desk with the password. */
async function reloadOfflineAndUnlock(o: OpenPage): Promise<void> {
  await o.context.setOffline(true);
  await o.page.reload();
  await o.page.getByRole('heading', { name: 'Offline desk' }).waitFor();
  await o.page.getByLabel('Your password').fill('not the password');
  await o.page.getByRole('button', { name: 'Unlock' }).click();
  await o.page.getByText('That password does not open').waitFor();
  await o.page.getByLabel('Your password').fill(password);
  await o.page.getByRole('button', { name: 'Unlock' }).click();
  await o.page.getByLabel('Movement', { exact: true }).selectOption(movement);
}

async function recordOffline(page: Page, personId: string, status: string, label: string) {
  await page.getByRole('button', { name: `${label}: ${personId}` }).click();
  const row = page.locator(`[data-person="${personId}"]`);
  await row.getByTestId('checkin-status').filter({ hasText: status }).waitFor();
  await row.getByTestId('pending').waitFor();
}

const expect200 = (errors: string[]) =>
  errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

describe('the offline desk', () => {
  it('reloads offline after one visit, records at two stations and merges every record on reconnect', async () => {
    const a = await h.open(tablet);
    const b = await h.open(tablet);
    try {
      await visitOnce(a.page);
      await visitOnce(b.page);
      const desk = await api<{ persons: DeskPerson[] }>(
        a.page,
        `/api/movements/${movement}/checkin`,
      );
      const [p1, p2, p3] = desk.persons.filter((p) => p.status === 'booked');
      expect(p3).toBeDefined();

      // The manifest parses (installability is checked in a real profile, below).
      const cdp = await a.context.newCDPSession(a.page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[] };
      expect(manifest.errors).toEqual([]);
      await cdp.detach();

      // An attacker holding the tablet reads the device's storage: no name, no record number.
      const raw = await rawDeviceData(a.page);
      expect(raw).toContain('corridor-offline/sealed');
      expect(raw).toMatch(/localStorage corridor\.station=tablet-[0-9a-f]{6}/);
      for (const p of desk.persons) {
        expect(raw).not.toContain(p.personId);
        if (p.name) expect(raw).not.toContain(p.name);
      }
      expect(raw).not.toContain('/api/');

      // Offline: the app reloads from the service worker and the desk from the device.
      const started = Date.now();
      await reloadOfflineAndUnlock(a);
      const unlockMs = Date.now() - started;
      await reloadOfflineAndUnlock(b);
      await a.page.getByTestId('connection').filter({ hasText: 'You are offline' }).waitFor();
      if (p1!.name) await a.page.getByText(p1!.name).first().waitFor();

      // Agreeing records, one per station, and a disagreement about p3.
      await recordOffline(a.page, p1!.personId, 'checked-in', 'Checked in');
      // (Checked in, not boarded: boarding p3 while p2 is not checked in here would split the case.)
      await recordOffline(a.page, p3!.personId, 'checked-in', 'Checked in');
      await recordOffline(b.page, p2!.personId, 'checked-in', 'Checked in');
      await recordOffline(b.page, p3!.personId, 'no-show', 'No-show');
      await a.page.getByTestId('device-queue').filter({ hasText: '2 records waiting' }).waitFor();
      const stationOf = (p: Page) => p.evaluate(() => localStorage.getItem('corridor.station'));
      const [sa, sb] = [await stationOf(a.page), await stationOf(b.page)];
      expect(sa).not.toBe(sb);
      // Still nothing readable on the device, records included.
      const rawOffline = await rawDeviceData(b.page);
      for (const p of [p1!, p2!, p3!]) expect(rawOffline).not.toContain(p.personId);
      await a.page.screenshot({ path: join(shots, 'offline-desk.png') });

      // Reconnect: each device sends its log through the merge.
      await a.context.setOffline(false);
      await a.page.getByTestId('sync-report').getByText('2 added, 0 already held').waitFor();
      await b.context.setOffline(false);
      await b.page.getByTestId('sync-report').getByText('2 added, 0 already held').waitFor();
      await b.page.locator(`[data-conflict="${p3!.personId}"]`).waitFor();
      await a.page.getByTestId('device-queue').filter({ hasText: '0 records waiting' }).waitFor();

      // Sending the same log again adds nothing.
      await a.page.evaluate(() => window.dispatchEvent(new Event('online')));
      await a.page.getByTestId('sync-report').getByText('0 added, 2 already held').waitFor();

      // Every record is on the server, and the disagreement is a conflict to decide.
      const log = await api<{ events: Event[] }>(a.page, '/api/checkin/log');
      const held = (s: string | null) =>
        log.events
          .filter((e) => e.station === s)
          .map((e) => [e.seq, e.personId, e.status])
          .sort();
      expect(held(sa)).toEqual([
        [1, p1!.personId, 'checked-in'],
        [2, p3!.personId, 'checked-in'],
      ]);
      expect(held(sb)).toEqual([
        [1, p2!.personId, 'checked-in'],
        [2, p3!.personId, 'no-show'],
      ]);
      const conflicts = await api<{ personId: string }[]>(a.page, '/api/checkin/conflicts');
      expect(conflicts.map((c) => c.personId)).toEqual([p3!.personId]);
      const after = await api<{ persons: DeskPerson[] }>(
        a.page,
        `/api/movements/${movement}/checkin`,
      );
      const status = (id: string) => after.persons.find((p) => p.personId === id)?.status;
      expect([status(p1!.personId), status(p2!.personId)]).toEqual(['checked-in', 'checked-in']);
      expect(expect200(a.errors)).toEqual([]);
      expect(expect200(b.errors)).toEqual([]);

      // A person decides the conflict from the report; it is no longer listed.
      const conflict = b.page.locator(`[data-conflict="${p3!.personId}"]`);
      await conflict.getByLabel('Decision').selectOption('no-show');
      await conflict.getByLabel('Why').fill('gate list checked by hand');
      await conflict.getByRole('button', { name: 'Decide' }).click();
      await b.page.getByText('No conflicts between stations.').waitFor();
      expect(await api<unknown[]>(b.page, '/api/checkin/conflicts')).toEqual([]);

      // Logout erases the device's data.
      await b.page.getByRole('button', { name: /Log out/ }).click();
      await b.page.getByLabel('Username').waitFor();
      const left = await b.page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name),
      );
      expect(left).not.toContain('corridor-offline');
      console.log(`offline reload to an unlocked desk: ${unlockMs} ms (with one wrong password)`);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('keeps a household together offline: boarding apart refused, checking in apart warned', async () => {
    const o = await h.open(tablet);
    try {
      await visitOnce(o.page);
      const desk = await api<{ persons: DeskPerson[] }>(
        o.page,
        `/api/movements/${movement}/checkin`,
      );
      const byCase = new Map<string, DeskPerson[]>();
      for (const p of desk.persons)
        byCase.set(p.householdId, [...(byCase.get(p.householdId) ?? []), p]);
      const family = [...byCase.values()].find(
        (members) => members.length >= 2 && members.every((p) => p.status === 'booked'),
      );
      expect(family, 'a case of two or more, nobody checked in yet').toBeDefined();
      const [first, ...others] = family!.map((p) => p.personId);
      await reloadOfflineAndUnlock(o);
      const note = o.page.getByTestId('together');
      const row = o.page.locator(`[data-person="${first!}"]`);

      // Boarding one member while the others are not at the desk: refused, nothing recorded.
      await o.page.getByRole('button', { name: `Boarded: ${first!}` }).click();
      await note.filter({ hasText: 'Not recorded' }).waitFor();
      for (const id of others) expect(await note.innerText()).toContain(id);
      expect(await row.getByTestId('checkin-status').innerText()).not.toBe('boarded');
      expect(await row.getByTestId('pending').count()).toBe(0);

      // Checking in one member: recorded, with a warning naming the others.
      await recordOffline(o.page, first!, 'checked-in', 'Checked in');
      await note.filter({ hasText: 'travels together' }).waitFor();
      expect(await note.innerText()).not.toContain('Not recorded');
      for (const id of others) expect(await note.innerText()).toContain(id);

      // The whole case at the desk: no warning, and the member boards.
      for (const id of others) await recordOffline(o.page, id, 'checked-in', 'Checked in');
      expect(await note.count()).toBe(0);
      await recordOffline(o.page, first!, 'boarded', 'Boarded');
      expect(await note.count()).toBe(0);
      await o.page
        .getByTestId('device-queue')
        .filter({ hasText: `${family!.length + 1} records waiting` })
        .waitFor();
      expect(expect200(o.errors)).toEqual([]);
    } finally {
      await o.context.close();
    }
  });

  it('keeps a check-in made when the network drops, says offline instead of failing, and leaves nothing readable on disk', async () => {
    const other = 'M-002';
    const profile = mkdtempSync(join(tmpdir(), 'corridor-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: chromiumFlags,
      baseURL: h.url,
      viewport: tablet,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(10_000);
      await visitOnce(page, other);
      // Chromium finds the app installable (manifest, icon, service worker).
      const cdp = await context.newCDPSession(page);
      const installable = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(installable.installabilityErrors.map((e) => e.errorId)).toEqual([]);
      await cdp.detach();
      const desk = await api<{ persons: DeskPerson[] }>(page, `/api/movements/${other}/checkin`);
      const person = desk.persons.find((p) => p.status === 'booked')!;
      // The network drops on the movement-day page: the check-in goes to the device's log.
      await context.setOffline(true);
      await page.getByRole('button', { name: `Checked in: ${person.personId}` }).click();
      await page.getByText('Offline: kept on this device').waitFor();
      await page.getByTestId('device-queue').filter({ hasText: '1 record waiting' }).waitFor();
      // Another page's API call says the app is offline, not "Failed to fetch".
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByText('You are offline').first().waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/Failed to fetch|TypeError/);
      await page.getByRole('link', { name: 'Movement day' }).click();
      await page.getByTestId('device-queue').waitFor();

      // The tablet is lost now: its profile folder on disk, read raw.
      const files = filesUnder(profile);
      // The vault is on disk (its slot names are in clear: they name movements, not persons).
      expect(filesHolding(files, `desk:${other}`).some((f) => f.includes('IndexedDB'))).toBe(true);
      for (const p of desk.persons) {
        expect(filesHolding(files, p.personId), p.personId).toEqual([]);
        if (p.name) expect(filesHolding(files, p.name), p.name).toEqual([]);
      }

      // Back online: the desk sends the record through the merge by itself.
      await context.setOffline(false);
      await page.getByTestId('sync-report').getByText('1 added, 0 already held').waitFor();
      const after = await api<{ persons: DeskPerson[] }>(page, `/api/movements/${other}/checkin`);
      expect(after.persons.find((p) => p.personId === person.personId)?.status).toBe('checked-in');

      // Logging out with a record the server has not received asks first: it would be erased.
      await context.setOffline(true);
      const next = desk.persons.find((p) => p.status === 'booked' && p !== person)!;
      await page.getByLabel('Movement', { exact: true }).selectOption(other);
      await page.getByRole('button', { name: `No-show: ${next.personId}` }).click();
      await page.locator(`[data-person="${next.personId}"]`).getByTestId('pending').waitFor();
      const asked: string[] = [];
      page.once('dialog', (d) => {
        asked.push(d.message());
        void d.dismiss();
      });
      await page.getByRole('button', { name: 'Log out' }).click();
      await expect.poll(() => asked.length, { timeout: 10_000 }).toBe(1);
      expect(asked[0]).toContain('1 check-in record(s) on this device have not reached the server');
      await page.getByTestId('device-queue').filter({ hasText: '1 record waiting' }).waitFor();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByLabel('Username').waitFor();
      const left = await page.evaluate(async () =>
        (await indexedDB.databases()).map((d) => d.name),
      );
      expect(left).not.toContain('corridor-offline');
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
