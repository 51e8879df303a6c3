// The web app: the JavaScript a first visit downloads (gzipped), and in Chromium the narrative of
// 10,000 events: how soon it shows, and whether scrolling through all of it has a task over 50 ms.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Fixture } from './generate.ts';

export type BundleResult = {
  files: { file: string; bytes: number; gzip: number }[];
  gzipKb: number;
  buildSeconds: number;
};

/** Builds the web app into `outDir` (the project's Vite config, a separate output) and sums the initial JavaScript. */
export function buildWeb(outDir: string): BundleResult {
  const started = performance.now();
  const built = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
      '--logLevel',
      'warn',
    ],
    { encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr.slice(-2000)}`);
  const buildSeconds = (performance.now() - started) / 1000;
  type Chunk = { file: string; isEntry?: boolean; imports?: string[] };
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  // The entry chunk and everything it imports statically; lazily loaded pages are not initial.
  const initial = new Set<string>();
  const walk = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) walk(key);
  const files = [...initial].map((key) => {
    const bytes = readFileSync(join(outDir, manifest[key]!.file));
    return { file: manifest[key]!.file, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  return { files, gzipKb: files.reduce((n, f) => n + f.gzip, 0) / 1024, buildSeconds };
}

export type NarrativeResult = {
  /** Navigation start to the first rows of the 10,000-event narrative on screen, ms (median of three loads). */
  renderMs: number;
  coldRenderMs: number;
  /** The same page for a review with no events, ms: the baseline. */
  emptyRenderMs: number;
  scrolledRows: number;
  scrollSeconds: number;
  longTasksWhileScrolling: number;
  longestTaskWhileScrollingMs: number;
  longestTaskWhileRenderingMs: number;
};

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * In the page before any of its scripts: long tasks, and the moment the narrative (or its empty
 * state) shows. A string, because the TypeScript runner wraps named functions in a helper the page lacks.
 */
const observe = `
  window.__long = [];
  window.__shown = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (window.__shown !== null) return;
    const rows = document.querySelector('.app-narrative-scroller tr[data-index]');
    const empty = [...document.querySelectorAll('p.govuk-body')].some((p) =>
      p.textContent.startsWith('No events have been added yet'));
    if (rows || empty) window.__shown = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

async function shownAfterLoad(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __shown: number | null }).__shown !== null, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => (window as unknown as { __shown: number }).__shown);
}

/** Signs in, loads the narrative of the large review (and of an empty one) and scrolls to its end with the mouse wheel. */
export async function measureNarrative(base: string, f: Fixture, total: number): Promise<NarrativeResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const signIn = await context.request.post('/api/session', {
      data: { email: f.email, password: f.password },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    await context.addInitScript(observe);
    const page = await context.newPage();
    const path = (reviewId: string) => `/partnerships/${f.partnershipId}/reviews/${reviewId}/narrative`;
    const coldRenderMs = await shownAfterLoad(page, path(f.largeReviewId));
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push(await shownAfterLoad(page, path(f.largeReviewId)));
    const empty: number[] = [];
    for (let i = 0; i < 3; i++) empty.push(await shownAfterLoad(page, path(f.copyReviewId)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;

    // The last load of the large narrative, then scroll it to the end.
    await shownAfterLoad(page, path(f.largeReviewId));
    const renderLongest = await page.evaluate(() =>
      Math.max(0, ...(window as unknown as { __long: { duration: number }[] }).__long.map((t) => t.duration)),
    );
    const scroller = page.locator('.app-narrative-scroller');
    await scroller.scrollIntoViewIfNeeded();
    const box = (await scroller.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    const scrollStart = await page.evaluate(() => performance.now());
    const started = performance.now();
    const last = `.app-narrative-scroller tr[aria-rowindex="${total + 1}"]`;
    let top = -1;
    let still = performance.now();
    while (performance.now() - started < 120_000 && performance.now() - still < 15_000) {
      await page.mouse.wheel(0, 2400);
      await page.waitForTimeout(40);
      if (await page.locator(last).count()) break;
      const now = await scroller.evaluate((el) => el.scrollTop);
      if (now !== top) still = performance.now();
      top = now;
    }
    const scrollSeconds = (performance.now() - started) / 1000;
    const scrolledRows = await page.evaluate(() =>
      Math.max(
        0,
        ...[...document.querySelectorAll('.app-narrative-scroller tr[data-index]')].map(
          (r) => Number((r as HTMLElement).dataset.index) + 1,
        ),
      ),
    );
    await page.waitForTimeout(300);
    const tasks = await page.evaluate(
      (from) =>
        (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter(
          (t) => t.start >= from,
        ),
      scrollStart,
    );
    return {
      renderMs: Math.round(median(warm)),
      coldRenderMs: Math.round(coldRenderMs),
      emptyRenderMs: Math.round(median(empty)),
      scrolledRows,
      scrollSeconds,
      longTasksWhileScrolling: tasks.length,
      longestTaskWhileScrollingMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      longestTaskWhileRenderingMs: Math.round(renderLongest),
    };
  } finally {
    await browser.close();
  }
}
