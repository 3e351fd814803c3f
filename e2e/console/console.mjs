// Drives MailTrail's web console in Debian's Chromium as a responder would: signs in (keyboard only), searches the
// unified audit log, opens a row's AuditData, exports JSON Lines and CSV, opens the scope of a compromise, picks the
// attacker's session among the proposed ones and reads the messages it read; then, as a View-Only Audit Logs member,
// checks that no export button is offered and that the API refuses the export. Screenshots of each main page at
// 1280 px and at phone width go to --screenshots. Exits 1 naming the step that failed; prints "result: {json}" last.
//
//   node console.mjs --url https://127.0.0.1:8443/console/ --user responder --password … \
//        --viewer-user viewer --viewer-password … --mailbox alice@contoso.com --start 2026-03-01 --end 2026-03-04 \
//        --attacker-session s-evil-7 --screenshots target/console [--chromium /usr/bin/chromium]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    'viewer-user': { type: 'string' },
    'viewer-password': { type: 'string' },
    mailbox: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    'attacker-session': { type: 'string' },
    // with an Audit Configuration member: add this action to the Owner list from the reason view
    'audit-owner-action': { type: 'string' },
    screenshots: { type: 'string', default: 'target/console' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    timeout: { type: 'string', default: '30000' },
  },
});
for (const required of ['url', 'user', 'password', 'mailbox', 'start', 'end', 'attacker-session']) {
  if (!opt[required]) {
    console.error(`console.mjs: --${required} is required`);
    process.exit(2);
  }
}
fs.mkdirSync(opt.screenshots, { recursive: true });

const base = new URL(opt.url);
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const result = { steps: [], foreignRequests: [], cspViolations: [], pageErrors: [], accessibility: {} };
// axe-core (Deque's accessibility rules engine) checks each main page against WCAG 2.1 A and AA; it is evaluated
// through the DevTools protocol, which the page's Content-Security-Policy does not govern, so the CSP stays as served
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: opt.chromium,
  // Chromium refuses its sandbox to root, as CI runs.
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
// the server's certificate is the demo's self-signed one
const context = await browser.newContext({ ignoreHTTPSErrors: true, acceptDownloads: true, viewport: WIDE });
const page = await context.newPage();
page.setDefaultTimeout(Number(opt.timeout));
page.on('request', (r) => {
  const u = new URL(r.url());
  if (u.origin !== base.origin && u.protocol !== 'blob:') result.foreignRequests.push(r.url());
});
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  if (/Content Security Policy/i.test(m.text())) result.cspViolations.push(m.text());
  // a refused API call (401 before signing in, the View-Only export) is logged by Chromium; it is no page error
  else if (!/Failed to load resource: the server responded with a status of 40[13]/.test(m.text())) {
    result.pageErrors.push(`console: ${m.text()}`);
  }
});
page.on('pageerror', (e) => result.pageErrors.push(`page error: ${e.message}`));

let shot = 0;
/** The WCAG 2.1 A/AA rules the page breaks, as "rule (impact): how many elements, the first one". */
async function accessibility(name) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const run = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return run.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} elements, e.g. ${v.nodes[0]?.target?.join(' ')}`);
  });
  result.accessibility[name] = found;
}

async function screenshots(name) {
  await accessibility(name);
  const n = String(++shot).padStart(2, '0');
  await page.screenshot({ path: path.join(opt.screenshots, `${n}-${name}-1280.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(opt.screenshots, `${n}-${name}-phone.png`), fullPage: true });
  await page.setViewportSize(WIDE);
}

async function step(name, action) {
  try {
    await action();
    result.steps.push(name);
    console.log(`done: ${name}`);
  } catch (e) {
    await page.screenshot({ path: path.join(opt.screenshots, `failed-${name}.png`), fullPage: true }).catch(() => {});
    fs.writeFileSync(path.join(opt.screenshots, `failed-${name}.html`), await page.content().catch(() => ''));
    console.log(`result: ${JSON.stringify(result)}`);
    throw new Error(`step "${name}" failed: ${e.message.split('\n')[0]} [url ${page.url()}; ${result.pageErrors.slice(-3).join('; ')}]`);
  }
}

const go = (hash) => page.goto(new URL(`#/${hash}`, base).toString());

/** Signs in with the keyboard alone: the user field has the focus, Tab to the password, Enter submits. */
async function signIn(user, password) {
  await page.goto(base.toString());
  await page.locator('#login-form').waitFor();
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.locator('#search-form').waitFor();
}

async function search() {
  await page.fill('input[name=StartDate]', opt.start);
  await page.fill('input[name=EndDate]', opt.end);
  await page.press('input[name=FreeText]', 'Enter');
  await page.locator('#results tbody tr').first().waitFor();
  return page.locator('#results tbody tr').count();
}

await step('sign-in', async () => {
  await page.goto(base.toString());
  await page.locator('#login-form').waitFor();
  await screenshots('sign-in');
  await signIn(opt.user, opt.password);
});

await step('search', async () => {
  result.resultRows = await search();
  // a record's subject is text: markup in it must not become an element, nor run
  result.resultItems = await page.locator('#results td.item').allInnerTexts();
  result.elementsFromRecords = await page.locator('#results td.item *').count();
  result.title = await page.title();
  await screenshots('search');
});

await step('auditdata', async () => {
  // a row is reached by the keyboard: its date is a button
  await page.locator('#results tbody tr button').first().focus();
  await page.keyboard.press('Enter');
  const text = await page.locator('#auditdata').innerText();
  const record = JSON.parse(text);
  if (!record.Id || !record.Operation) throw new Error(`the AuditData shown has no Id or Operation: ${text.slice(0, 200)}`);
  result.auditDataOperation = record.Operation;
  await screenshots('auditdata');
  await page.keyboard.press('Escape');
});

async function download(selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const failure = await file.failure();
  if (failure) throw new Error(`the download from ${selector} failed: ${failure}`);
  return fs.readFileSync(await file.path(), 'utf8');
}

await step('export', async () => {
  const jsonl = await download('#export-jsonl');
  result.exportJsonLines = jsonl.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).Id);
  const csv = await download('#export-csv');
  result.exportCsvHeader = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  result.exportCsvRows = csv.split(/\r?\n/).filter((l) => l.trim()).length - 1;
});

await step('scope-proposals', async () => {
  await go('scope');
  await page.fill('#scope-form input[name=mailbox]', opt.mailbox);
  await page.press('#scope-form input[name=mailbox]', 'Enter');
  await page.locator('#suspicious-list').waitFor();
  result.proposedSessions = await page.locator('#suspicious-list > li').evaluateAll((cards) => cards.map((c) => c.dataset.session));
  await screenshots('scope-proposals');
});

await step('pick-attacker-session', async () => {
  await page.locator(`#suspicious-list li[data-session="${opt['attacker-session']}"] button.pick`).click();
  await page.locator('#messages-read').waitFor();
  result.statement = await page.locator('#scope-statement').innerText();
  result.messagesRead = await page.locator('#messages-read tr.message-read').evaluateAll((rows) =>
    rows.map((r) => ({ subject: r.cells[1].innerText, internetMessageId: r.cells[2].innerText, folder: r.cells[3].innerText })));
  result.foldersSynced = await page.locator('#folders-synced details summary').allInnerTexts();
  result.inboxRules = await page.locator('#inbox-rules tr.action').count();
  result.sends = await page.locator('#sends tr.action').count();
  result.deletes = await page.locator('#deletes tr.action').count();
  await screenshots('scope-findings');
});

await step('timeline', async () => {
  await go(`timeline?mailbox=${encodeURIComponent(opt.mailbox)}`);
  await page.locator('tr.timeline-row').first().waitFor();
  result.timelineRows = await page.locator('tr.timeline-row').count();
  await screenshots('timeline');
});

await step('sessions', async () => {
  await go(`sessions?mailbox=${encodeURIComponent(opt.mailbox)}`);
  await page.locator('tr.session-row').first().waitFor();
  result.sessions = await page.locator('tr.session-row').count();
  await screenshots('sessions');
});

await step('audit-configuration', async () => {
  await go(`config?mailbox=${encodeURIComponent(opt.mailbox)}`);
  await page.locator('#reason-view').waitFor();
  result.notAudited = await page.locator('#reason-view tr.not-audited').evaluateAll((rows) => rows.map((r) => r.cells[2].innerText));
  await screenshots('audit-configuration');
});

if (opt['audit-owner-action']) {
  await step('audit-an-action', async () => {
    const action = opt['audit-owner-action'];
    await page.getByRole('button', { name: `Audit it: ${action} for Owner logons`, exact: true }).click();
    const row = page.locator('#reason-view tr.audited', { has: page.locator('th', { hasText: new RegExp(`^${action}$`) }) }).first();
    await row.waitFor();
    result.auditedAfterChange = (await page.locator('#reason-view section').first().locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${action}$`) }) }).locator('td.reason').innerText());
  });
}

await step('sign-out', async () => {
  await page.click('#sign-out');
  await page.locator('#login-form').waitFor();
});

if (opt['viewer-user']) {
  await step('view-only-search', async () => {
    await signIn(opt['viewer-user'], opt['viewer-password']);
    result.viewerResultRows = await search();
    result.viewerExportButtons = await page.locator('#export-jsonl, #export-csv').count();
    // what a View-Only member gets when asking the API for the export the console did not offer
    const href = await page.evaluate(async () => (await import('./js/api.js')).exportUrl({ StartDate: document.querySelector('input[name=StartDate]').value, EndDate: document.querySelector('input[name=EndDate]').value }, 'csv'));
    result.viewerExportStatus = await page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).status, href);
    await screenshots('view-only-search');
  });
}

await browser.close();
console.log(`result: ${JSON.stringify(result)}`);
