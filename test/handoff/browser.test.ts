/// <reference lib="dom" />
/**
 * Every example's handoff.html in a real browser: Debian's chromium (apt-get install chromium;
 * .ci/run installs it) driven headless by playwright-core. No console error, no broken in-page
 * anchor, the copy button works, and a screenshot of one page for a person to look at
 * (test-reports/handoff-site-to-site-vpn.png). Without chromium the test fails, unless
 * HANDOFF_BROWSER=skip says to skip (never silently).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { EXAMPLES } from '../../examples/all';
import { runHandoff } from '../../lib/cli/handoff';
import { deviceModel } from '../../lib/handoff';
import { fakeOutputs } from './fixtures';

const CHROMIUM = '/usr/bin/chromium';
const installed = fs.existsSync(CHROMIUM);
const skip = process.env.HANDOFF_BROWSER === 'skip';
// Flags from .library/env/machines/node.md: no background connections on a closed network.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

jest.setTimeout(300_000);

if (!installed && !skip) {
  test('chromium is installed', () => {
    throw new Error(`${CHROMIUM} missing: apt-get install -y chromium (or HANDOFF_BROWSER=skip to skip on purpose)`);
  });
}
if (!installed && skip) console.warn('HANDOFF_BROWSER=skip: browser tests skipped');

(installed ? describe : describe.skip)('handoff.html of every example in headless chromium', () => {
  let outdir: string;
  let browser: any;
  const lines: string[] = [];

  beforeAll(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-browser-'));
    const app = new App({ outdir });
    for (const [name, Stack] of EXAMPLES) new Stack(app, name);
    app.synth();
    // The command as users run it, in a child process: Graphviz (ESM WebAssembly) does not load under jest.
    const script = `require('./lib/cli/handoff').runHandoff([${JSON.stringify(outdir)}, '--no-outputs'], (l) => console.log(l), []).then((c) => { process.exitCode = c; })`;
    // The child loads the TypeScript sources with the jest transform's swc (test/swc-register.js;
    // ts-node spent about 6 s of CPU loading TypeScript's compiler).
    lines.push(...execFileSync(process.execPath, ['-r', path.join(__dirname, '..', 'swc-register.js'), '-e', script], { cwd: path.join(__dirname, '..', '..') }).toString().split('\n'));
    // One stack as after apply, in-process (no Graphviz here: the page falls back to the Mermaid text):
    // outputs from a file, keys in 0600 files only.
    const stackDir = path.join(outdir, 'stacks', 'site-to-site-vpn');
    const outputs = fakeOutputs(deviceModel(JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8'))));
    fs.writeFileSync(path.join(outdir, 'outputs.json'), JSON.stringify(outputs));
    expect(await runHandoff([stackDir, '--outputs', path.join(outdir, 'outputs.json'), '--out', path.join(outdir, 'filled')], (l) => lines.push(l), [])).toBe(0);
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('the command wrote a page per stack and device files per VPN site', () => {
    for (const [name] of EXAMPLES) expect(fs.existsSync(path.join(outdir, 'stacks', name, 'handoff', 'handoff.html'))).toBe(true);
    expect(lines.find((l) => l.startsWith('site-to-site-vpn:'))).toContain('2 VPN sites, 12 device files');
    const filled = path.join(outdir, 'filled');
    const swan = path.join(filled, 'vpngateway-lyon', 'swanctl.conf');
    expect(fs.statSync(swan).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(filled, 'handoff.html')).mode & 0o777).toBe(0o644);
    expect(fs.readFileSync(swan, 'utf8')).not.toContain('<pre-shared-key>');
    expect(fs.readFileSync(path.join(filled, 'handoff.html'), 'utf8')).toContain('&lt;pre-shared-key&gt;');
  });

  const pages = (): [string, string][] => [
    ...EXAMPLES.map(([name]) => [name, path.join(outdir, 'stacks', name, 'handoff', 'handoff.html')] as [string, string]),
    ['site-to-site-vpn (after apply)', path.join(outdir, 'filled', 'handoff.html')],
  ];

  /** Opens a page and checks what it shows: throws what is wrong. */
  async function openPage(context: any, name: string, file: string): Promise<{ page: any; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m: any) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e: Error) => errors.push(String(e)));
    page.on('request', (r: any) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
    await page.goto(`file://${file}`);
    const report = await page.evaluate(() => ({
      broken: Array.from(document.querySelectorAll('a[href^="#"]')).map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(decodeURIComponent(id))),
      other: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#') && !/^https?:\/\//.test(h)),
      sections: ['diagram', 'gates', 'outputs', 'devices'].filter((id) => !document.getElementById(id)),
      copyButtons: document.querySelectorAll('button.copy').length,
      svg: document.querySelectorAll('.diagram svg').length,
      mermaid: document.getElementById('diagram')!.parentElement!.querySelectorAll('code.lang-mermaid').length,
    }));
    expect({ name, errors, requests, broken: report.broken, other: report.other, missing: report.sections }).toEqual({ name, errors: [], requests: [], broken: [], other: [], missing: [] });
    expect(report.copyButtons).toBeGreaterThan(0);
    // The diagram: Graphviz SVG inlined, or (in-process, after apply) the Mermaid text.
    expect({ name, diagram: report.svg + report.mermaid }).toEqual({ name, diagram: 1 });
    if (!name.includes('after apply')) expect({ name, svg: report.svg }).toEqual({ name, svg: 1 });
    return { page, errors };
  }

  test('opens every page with no console error and no broken anchor', async () => {
    // All pages load side by side in one browser context (a context per page started a renderer
    // process per page); then each page's copy button, that page in front (Chromium's clipboard
    // answers a focused page only). The first failure, in the order of the pages, is the test's.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const opened = await Promise.allSettled(pages().map(([name, file]) => openPage(context, name, file)));
      for (const result of opened) {
        if (result.status === 'rejected') throw result.reason;
        const { page, errors } = result.value;
        // The copy button answers (clipboard or selection fallback), without an error.
        await page.bringToFront();
        await page.locator('button.copy').first().click();
        await page.waitForTimeout(100);
        expect(await page.locator('button.copy').first().textContent()).toMatch(/Copied|Select and copy/);
        expect(errors).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  test('a screenshot of the site-to-site-vpn page, to be looked at', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`file://${path.join(outdir, 'filled', 'handoff.html')}`);
    fs.mkdirSync('test-reports', { recursive: true });
    await page.screenshot({ path: 'test-reports/handoff-site-to-site-vpn.png' });
    await page.evaluate(() => document.getElementById('devices')!.scrollIntoView());
    await page.screenshot({ path: 'test-reports/handoff-site-to-site-vpn-devices.png' });
    await page.close();
    expect(fs.statSync('test-reports/handoff-site-to-site-vpn.png').size).toBeGreaterThan(10_000);
  });
});
