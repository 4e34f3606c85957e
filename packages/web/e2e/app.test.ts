/** The web application in Chromium against a real server on the demo operation. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, shots, startHarness, type Harness, type OpenPage } from './harness.js';

let h: Harness;
let admin: OpenPage;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.open();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

async function api<T>(page: Page, path: string): Promise<T> {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

/** True when the server has the route (its OpenAPI document lists it). */
async function hasRoute(page: Page, key: string): Promise<boolean> {
  const doc = await api<{ paths: Record<string, Record<string, unknown>> }>(page, '/openapi.json');
  const [method, path] = key.split(' ') as [string, string];
  return Boolean(doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]);
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe('the web application', () => {
  it('opens on the login page without asking the API who is logged in', async () => {
    await admin.page.goto('/');
    await admin.page.getByLabel('Username').waitFor();
    await shoot(admin.page, '01-login');
    expect(admin.errors).toEqual([]);
  });

  it('logs in and shows the dashboard whose numbers are those of /api/status', async () => {
    const { page, errors } = admin;
    await logIn(page, 'admin');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const status = await api<Record<string, number> & { personsByStatus: Record<string, number> }>(
      page,
      '/api/status',
    );
    const stat = async (name: string) =>
      Number(
        (await page.locator(`[data-stat="${name}"] .stat-value`).innerText()).replace(/,/g, ''),
      );
    for (const name of [
      'persons',
      'households',
      'destinations',
      'pledgedPersons',
      'medicalPlaces',
      'personsWithMedicalNeeds',
      'openDuplicates',
    ])
      expect(await stat(name), name).toBe(status[name]);
    const gone = ['departed', 'arrived', 'withdrawn', 'deceased'].reduce(
      (n, k) => n + (status.personsByStatus[k] ?? 0),
      0,
    );
    expect(await stat('atRisk')).toBe(status.persons! - gone);
    if (await hasRoute(page, 'GET /api/timetable'))
      await page.locator('[data-chart="burndown"] canvas').first().waitFor();
    else await page.getByText('The timetable (for the planned line) is not available').waitFor();
    await shoot(page, '02-dashboard');
    expect(errors).toEqual([]);
  });

  it('draws every destination on the map', async () => {
    const { page } = admin;
    const destinations = await api<{ id: string }[]>(page, '/api/destinations');
    expect(destinations.length).toBeGreaterThan(0);
    for (const d of destinations)
      await expect(
        page.locator(`svg [data-destination="${d.id}"] circle`).first().count(),
      ).resolves.toBe(1);
    expect(await page.locator('svg path.host').count()).toBeGreaterThanOrEqual(destinations.length);
  });

  it('opens every page in the navigation without console errors', async () => {
    const { page, errors } = admin;
    const nav = page.getByRole('navigation', { name: 'Pages' });
    const titles = await nav.getByRole('link').allInnerTexts();
    expect(titles).toEqual([
      'Dashboard',
      'Registry',
      'Planning',
      'Timetable',
      'Movement day',
      'Incidents & property',
    ]);
    for (const [i, title] of titles.entries()) {
      await nav.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await page.getByText('Loading…').first().waitFor({ state: 'detached' });
      await shoot(
        page,
        `${String(i + 3).padStart(2, '0')}-${title.toLowerCase().replace(/\W+/g, '-')}`,
      );
    }
    expect(errors).toEqual([]);
  });
});
