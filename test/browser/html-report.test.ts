import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/format/html.js';
import { sampleResults } from './sample-results.js';

// Debian's Chromium by default; PLANCHECK_CHROMIUM points elsewhere (or nowhere, to see the skip).
const CHROMIUM = process.env.PLANCHECK_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`test/browser skipped: ${CHROMIUM} is absent. Install Debian's chromium package (.ci/install-browser.sh does) to run it.`);
}

// Pictures of the report to look at (test/artifacts, not committed), taken only when PLANCHECK_ARTIFACTS=1: no test
// asserts on them, and rendering a whole page to PNG took more CPU than all the checks of this file together.
const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');
const KEEP_ARTIFACTS = process.env.PLANCHECK_ARTIFACTS === '1';
/** Save a picture (or with `pdf`, a printout) of the page under test/artifacts, when asked for. */
async function keep(page: Page, name: string, options: { fullPage?: boolean; pdf?: boolean } = {}): Promise<void> {
  if (!KEEP_ARTIFACTS) return;
  if (options.pdf) await page.pdf({ path: path.join(ARTIFACTS, name), preferCSSPageSize: true });
  else await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: options.fullPage ?? false });
}
const SEED = path.resolve(import.meta.dirname, '../../fixtures/text/001-dlnr.txt');
const BIN = path.resolve(import.meta.dirname, '../../bin/plancheck.js');

interface SeedFinding {
  ruleId: string;
  message: string;
  recommendation: string;
  action: number | null;
}

// A browser and the CLI on a busy 2-core machine take far more than vitest's default 5 s.
describe.skipIf(!hasChromium)('HTML report in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let dir: string;
  let reportUrl: string;
  /** The page most tests look at, loaded afresh for each (see view), and what it has fetched since. */
  let shared: Page;
  let visits = 0;
  let requests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    dir = mkdtempSync(path.join(tmpdir(), 'plancheck-html-'));
    const file = path.join(dir, 'report.html');
    writeFileSync(file, formatHtml(sampleResults(), { cwd: '/work', generatedAt: '2026-03-02T09:30:00Z', docsBaseUri: 'https://example.org/docs/rules' }));
    reportUrl = pathToFileURL(file).href;
    shared = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    shared.on('request', (req) => requests.push(req.url()));
    if (KEEP_ARTIFACTS) mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * The report, loaded afresh in the shared page, on a screen `width` wide. Each new page costs Chromium a
   * renderer process (about a second of CPU here), so the tests share one and each loads the report again, under
   * an address of its own (a query that the report does not read), so that nothing one test did stays for the next.
   * Returns the report's address as loaded.
   */
  async function view(width = 1280): Promise<string> {
    await shared.emulateMedia({ media: 'screen' });
    await shared.setViewportSize({ width, height: 900 });
    requests = [];
    const url = `${reportUrl}?visit=${++visits}`;
    await shared.goto(url);
    return url;
  }

  it('shows every finding, beside its row and in the list, and the file that could not be read', async () => {
    const page = shared;
    await view();
    expect(await page.locator('h1').allTextContents()).toEqual(['Action plan check: 2 plans']);
    expect(await page.locator('h2').allTextContents()).toEqual(['DLNR', 'scan.pdf']);
    expect(await page.locator('#f1 table.findings tbody tr').count()).toBe(9);
    expect(await page.locator('#f1 .note.finding').count()).toBe(9);
    expect(await page.locator('#f1-rec-2-action-1 .note').textContent()).toContain('Action 1 of recommendation 2 has no responsible owner');
    expect(await page.locator('#f1-rec-4-action-1 td.c-act .note').allTextContents()).toEqual([
      'Error Action 1 of recommendation 4 has no responsible owner <img src=x onerror="window.pwned=2"> action-owner · line 63',
      'Error Action 1 of recommendation 4 has no target date action-due · line 63',
    ]);
    expect(await page.locator('#f1-plan').textContent()).toContain('The report-published date is missing');
    expect(await page.locator('#f2 .fatal').textContent()).toContain('Reason: no text layer: the PDF is a scan');
    // The reader's two repairs, in their own section after the table, and in no count.
    expect(await page.locator('#f1 section.reading-notes h3').textContent()).toBe('Reading notes (2)');
    expect(await page.locator('#f1 section.reading-notes li').count()).toBe(2);
    await keep(page, 'html-report.png', { fullPage: true });
  });

  it('runs its own filter script and nothing from the plan, and fetches nothing', async () => {
    const page = shared;
    const url = await view();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('#f1-rec-3 .rec-text').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await page.locator('#severity-filter').isVisible()).toBe(true);
    expect(new Set(requests)).toEqual(new Set([url]));
  });

  it('moves to the row of a finding when its link is followed', async () => {
    const page = shared;
    await view();
    await page.locator('#f1-finding-2 .where a').click();
    expect(await page.evaluate(() => location.hash)).toBe('#f1-rec-2-action-1');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('f1-rec-2-action-1');
    const box = await page.locator('#f1-rec-2-action-1').boundingBox();
    const bar = await page.locator('#severity-filter').boundingBox();
    expect(box && bar).toBeTruthy();
    // Below the sticky filter bar and inside the 900px viewport, so the reader sees the row they asked for.
    expect(box!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
    expect(box!.y).toBeLessThan(900);

    await page.locator('#f1-finding-1 .where a').click();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('f1-plan');
  });

  it('hides warnings when "Errors only" is chosen, by mouse or keyboard', async () => {
    const page = shared;
    await view();
    const warning = page.locator('#f1-rec-2-action-2 .note.sev-warn');
    const error = page.locator('#f1-rec-2-action-1 .note.sev-error');
    expect(await warning.isVisible()).toBe(true);

    await page.getByLabel('Errors only (6)').check();
    expect(await warning.isVisible()).toBe(false);
    expect(await error.isVisible()).toBe(true);
    expect(await page.locator('#f1-finding-4').isVisible()).toBe(false);
    expect(await page.locator('#filter-status').textContent()).toBe('Showing 6 errors; 3 warnings hidden');
    // Reading notes are not warnings: the filter leaves them in view.
    expect(await page.locator('#f1 section.reading-notes li').first().isVisible()).toBe(true);
    // A row whose only finding is a warning is no longer highlighted either.
    const washed = (sel: string): Promise<string> => page.locator(sel).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await washed('#f1-rec-2-action-2 td.c-own')).toBe('rgba(0, 0, 0, 0)');
    expect(await washed('#f1-rec-3-action-1 td.c-due')).toBe('rgba(0, 0, 0, 0)');
    expect(await washed('#f1-rec-2-action-1 td.c-own')).not.toBe('rgba(0, 0, 0, 0)');

    await page.getByLabel('All findings (9)').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('Errors only (6)').isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.getByLabel('Warnings only (3)').isChecked()).toBe(true);
    expect(await warning.isVisible()).toBe(true);
    expect(await error.isVisible()).toBe(false);
    expect(await page.locator('#filter-status').textContent()).toBe('Showing 3 warnings; 6 errors hidden');
    await keep(page, 'html-report-warnings-only.png');
  });

  it('reads in full without JavaScript, the useless filter left out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(reportUrl);
    expect(await page.locator('#severity-filter').isVisible()).toBe(false);
    expect(await page.locator('#f1 .note.finding:visible').count()).toBe(9);
    await context.close();
  });

  it('keeps every visible text at a contrast of at least 4.5:1', async () => {
    const page = shared;
    await view();
    expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    // The check itself catches faint text: grey #999 on white is 2.85:1.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p class="probe" style="color:#999">faint</p>'));
    expect(await page.evaluate(lowContrastTexts)).toEqual(['p.probe "faint" 2.85']);
  });

  it('prints without the filter and without background tints', async () => {
    const page = shared;
    await view();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#severity-filter').isVisible()).toBe(false);
    const bg = await page.locator('#f1-rec-2-action-1 td.c-act').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgba(0, 0, 0, 0)');
    await keep(page, 'html-report-print.png', { fullPage: true });
    await keep(page, 'html-report.pdf', { pdf: true });
  });

  it('stacks the table on a narrow screen', async () => {
    const page = shared;
    await view(420);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    await keep(page, 'html-report-narrow.png', { fullPage: true });
  });

  it('seed 001 through the real CLI: each finding sits beside the action or recommendation it concerns', async () => {
    const out = path.join(dir, 'seed-001.html');
    const run = spawnSync(process.execPath, [BIN, 'validate', SEED, '--format', 'html', '-o', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const json = spawnSync(process.execPath, [BIN, 'validate', SEED, '--format', 'json'], { encoding: 'utf8' });
    const findings = (JSON.parse(json.stdout) as { files: Array<{ findings: SeedFinding[] }> }).files[0]!.findings;
    // 21: the two inferred rec numbers are reading notes, not numbering warnings.
    expect(findings).toHaveLength(21);
    const page = shared;
    await view();
    await page.goto(pathToFileURL(out).href);
    // 001's recommendations are numbered 1 to 8 in table order, so the row anchors follow the rec numbers.
    for (const f of findings) {
      const row = f.action === null ? `#f1-rec-${f.recommendation}` : `#f1-rec-${f.recommendation}-action-${f.action}`;
      const notes = await page.locator(`${row} .note.finding`).allTextContents();
      expect(notes.some((n) => n.includes(f.message) && n.includes(f.ruleId)), `${f.ruleId}: ${f.message} in ${row}`).toBe(true);
    }
    // The actions with neither owner nor date (rec 3, actions 7 and 8) carry both errors, and nothing else does.
    expect(await page.locator('#f1-rec-3-action-7 .note.sev-error').count()).toBe(2);
    expect(await page.locator('table.plan .note.finding').count()).toBe(findings.length);
    // Its six repairs (fixtures/text/001-dlnr.expected.json's diagnostics but the two pairing ones) as notes.
    expect(await page.locator('#f1 section.reading-notes li').count()).toBe(6);
    await keep(page, 'html-report-seed-001.png', { fullPage: true });
    // Two runs of the CLI and a browser page: far more than vitest's default 5 s on a busy machine.
  }, 60_000);
});

/** Runs in the page: every element with its own visible text whose colour is below 4.5:1 on its effective background. */
function lowContrastTexts(): string[] {
  const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r = 0, g = 0, b = 0]: number[]): number => {
    const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el: Element | null): number[] => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    if (!ownText || !(el as HTMLElement).checkVisibility?.()) continue;
    const fg = lum(parse(getComputedStyle(el).color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent!.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return out;
}
