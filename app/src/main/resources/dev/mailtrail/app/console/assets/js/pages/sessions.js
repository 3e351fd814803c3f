// A mailbox's sessions: IP, client, account, first and last seen, and what each did (its timeline entries).
import * as api from '../api.js';
import { h, status, table, time } from '../dom.js';
import { mailboxScopePage } from '../mailbox-form.js';
import * as view from '../scope-view.js';

export async function render(main, context) {
  const shown = await mailboxScopePage(main, context, { page: 'sessions', title: 'Sessions', button: 'Show the sessions' });
  if (!shown) return;
  const { scope, mailbox, message } = shown;
  const sessions = scope.sessions ?? [];
  const suspicious = new Map((scope.suspiciousSessions ?? []).map((s) => [s.sessionKey, s]));
  status(message, `${sessions.length} sessions of ${mailbox}; ${suspicious.size} stand out.`, 'ok');
  const details = new Map(sessions.map((s) => {
    const entries = (scope.timeline ?? []).filter((e) => e.sessionKey === s.sessionKey);
    const why = suspicious.get(s.sessionKey)?.reasons ?? [];
    const hints = /\s/.test(s.sessionKey) ? { ip: s.ips } : { session: [s.sessionKey] };
    return [s.sessionKey, h('details', { class: 'session-detail' },
      h('summary', {}, `What ${s.sessionKey} did (${entries.length})`),
      why.length ? h('ul', { class: 'reasons' }, why.map((r) => h('li', {}, r))) : null,
      view.timeline(entries, `What ${s.sessionKey} did`),
      h('p', {}, h('a', { href: `#/scope?${api.query({ mailbox, ...hints })}` }, 'The scope of this session')))];
  }));
  const open = (key) => {
    const detail = details.get(key);
    detail.open = true;
    detail.scrollIntoView({ block: 'start' });
    detail.querySelector('summary').focus();
  };
  main.append(table('Sessions', ['Session', 'IP', 'Client', 'Account', 'First seen', 'Last seen', 'Reads', 'Syncs', 'Actions'],
    sessions.map((s) => h('tr', { class: suspicious.has(s.sessionKey) ? 'session-row suspicious' : 'session-row' },
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(s.sessionKey) }, s.sessionKey),
        suspicious.has(s.sessionKey) ? h('span', { class: 'badge' }, 'suspicious') : null),
      h('td', {}, (s.ips ?? []).join(', ')), h('td', { class: 'client' }, (s.clients ?? []).join(', ')), h('td', {}, (s.users ?? []).join(', ')),
      h('td', {}, time(s.first)), h('td', {}, time(s.last)),
      h('td', { class: 'num' }, s.reads), h('td', { class: 'num' }, s.syncs), h('td', { class: 'num' }, s.actions)))),
  h('h2', {}, 'What each session did'), ...details.values());
}
