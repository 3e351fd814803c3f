// The facts of a scope (mailtrail-scope/1, as `mt scope --format json` writes it) as tables and lists. Every
// value is text; the pages choose which parts to show.
import { h, table, time } from './dom.js';

const LOGON = { 0: 'Owner', 1: 'Admin', 2: 'Delegate' };

function access(x) {
  return [h('td', {}, x.sessionKey ?? ''), h('td', {}, x.ip ?? ''), h('td', { class: 'client' }, x.client ?? ''),
    h('td', {}, x.userId ?? ''), h('td', {}, LOGON[x.logonType] ?? '')];
}
const ACCESS_HEADERS = ['Session', 'IP', 'Client', 'User', 'Logon type'];

export function statement(scope) {
  return h('section', { class: 'statement', 'aria-labelledby': 'statement-title' },
    h('h2', { id: 'statement-title' }, 'In words'),
    h('p', { id: 'scope-statement' }, scope.statement),
    scope.caveats?.length
      ? h('details', { class: 'caveats' }, h('summary', {}, `Caveats (${scope.caveats.length})`),
        h('ul', {}, scope.caveats.map((c) => h('li', {}, c))))
      : null);
}

export function messagesRead(scope) {
  const rows = (scope.messagesRead ?? []).map((m) => h('tr', { class: 'message-read' },
    h('td', {}, time(m.time)), h('td', {}, m.subject ?? '(subject not known)'), h('td', { class: 'mono' }, m.internetMessageId ?? m.itemId ?? ''),
    h('td', {}, m.folder ?? ''), h('td', { class: 'num' }, m.sizeInBytes ?? ''), h('td', {}, m.sender ?? ''), ...access(m)));
  return section('messages-read', `Messages read (${scope.distinctMessagesRead ?? rows.length} distinct)`, rows.length
    ? table('Messages read', ['Time', 'Subject', 'InternetMessageId', 'Folder', 'Size', 'Sender', ...ACCESS_HEADERS], rows)
    : h('p', {}, 'No Bind record names a message read.'),
  (scope.unnamedReads ?? []).length
    ? h('p', { class: 'warning' }, `${scope.unnamedItemsRead} more items were read by records that count them without naming them: `
      + scope.unnamedReads.map((r) => `${r.items} in ${r.folder} at ${time(r.time)} (${r.export ?? 'export names them'})`).join('; '))
    : null);
}

export function foldersSynced(scope) {
  const syncs = scope.foldersSynced ?? [];
  return section('folders-synced', `Folders synced whole (${syncs.length})`, syncs.length
    ? syncs.map((s) => h('details', { class: 'sync', open: syncs.length <= 3 },
      h('summary', {}, `${s.folder} at ${time(s.time)}: ${s.syncedItems ?? 'unknown number of'} items, from ${s.ip ?? 'no IP'} (${s.client ?? 'no client'})`),
      s.items?.length
        ? table(`Items synced from ${s.folder}`, ['Subject', 'InternetMessageId', 'Size'],
          s.items.map((i) => h('tr', {}, h('td', {}, i.subject ?? ''), h('td', { class: 'mono' }, i.internetMessageId ?? i.itemId ?? ''), h('td', { class: 'num' }, i.sizeInBytes ?? ''))))
        : h('p', {}, 'The record does not list the items: every item of the folder must be assumed read.')))
    : h('p', {}, 'No folder was synced.'));
}

export function blindWindows(scope) {
  const windows = scope.blindWindows ?? [];
  return section('blind-windows', `Blind windows (${windows.length})`, windows.length
    ? table('Blind windows', ['From', 'To', 'Why', 'Detail'], windows.map((w) => h('tr', {},
      h('td', {}, time(w.from)), h('td', {}, w.to ? time(w.to) : 'the end of the records'), h('td', {}, w.reasonWords ?? w.reason), h('td', {}, w.detail ?? ''))))
    : h('p', {}, 'None: auditing saw the whole window.'));
}

const KINDS = [
  ['INBOX_RULE', 'inbox-rules', 'Inbox rules'],
  ['MAILBOX_FORWARDING', 'forwarding', 'Mailbox forwarding'],
  ['SEND', 'sends', 'Sends'],
  ['DELETE', 'deletes', 'Deletes'],
  ['MOVE', 'moves', 'Moves and copies'],
  ['PERMISSION', 'permissions', 'Permissions'],
  ['SEARCH', 'searches', 'Searches'],
  ['SIGN_IN', 'sign-ins', 'Sign-ins'],
  ['AUDIT_CHANGE', 'audit-changes', 'Audit changes'],
  ['OTHER', 'other-actions', 'Other actions'],
];

/** One section per kind of action, those with none left out (sends, deletes and rules always shown). */
export function actions(scope) {
  const all = scope.actions ?? [];
  return KINDS.map(([kind, id, title]) => {
    const of = all.filter((a) => a.kind === kind);
    if (!of.length && !['INBOX_RULE', 'SEND', 'DELETE'].includes(kind)) return null;
    return section(id, `${title} (${of.length})`, of.length
      ? table(title, ['Time', 'What', 'Messages', ...ACCESS_HEADERS], of.map((a) => h('tr', { class: 'action' },
        h('td', {}, time(a.time)),
        h('td', {}, h('strong', {}, a.operation), ' ', a.summary,
          a.details?.length ? h('ul', { class: 'details-list' }, a.details.map((d) => h('li', {}, h('span', { class: 'mono' }, d.Name), ': ', d.Value))) : null),
        h('td', { class: 'mono' }, (a.messages ?? []).join(' ')),
        ...access(a))))
      : h('p', {}, 'None.'));
  });
}

export function timeline(entries, caption = 'Timeline') {
  return table(caption, ['Time', 'What', 'Description', 'Session', 'IP'], entries.map((e) => h('tr', { class: 'timeline-row' },
    h('td', {}, time(e.time)), h('td', {}, e.what), h('td', {}, e.description), h('td', {}, e.sessionKey ?? ''), h('td', {}, e.ip ?? ''))));
}

/** Sessions with their IPs, clients, accounts, first and last seen and what they did, counted. */
export function sessions(list, caption = 'Sessions') {
  return table(caption, ['Session', 'IP', 'Client', 'Account', 'First seen', 'Last seen', 'Reads', 'Syncs', 'Actions'],
    list.map((s) => h('tr', { class: 'session-row' },
      h('td', {}, s.sessionKey), h('td', {}, (s.ips ?? []).join(', ')), h('td', { class: 'client' }, (s.clients ?? []).join(', ')),
      h('td', {}, (s.users ?? []).join(', ')), h('td', {}, time(s.first)), h('td', {}, time(s.last)),
      h('td', { class: 'num' }, s.reads), h('td', { class: 'num' }, s.syncs), h('td', { class: 'num' }, s.actions))));
}

export function section(id, title, ...content) {
  return h('section', { id, class: 'finding', 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), content);
}
