// The scope of a compromise, interactive: the mailbox's activity with the suspicious sessions proposed; the
// responder picks the attacker's sessions with a click (or names IPs or accounts), and sees what they read,
// synced, changed, sent and deleted, and where auditing was blind. The facts are the API's scope JSON, the same
// as `mt scope --format json`.
import * as api from '../api.js';
import { field, h, list, status, time, uid } from '../dom.js';
import { mailboxForm } from '../mailbox-form.js';
import * as view from '../scope-view.js';

/** The hints that name a session: its SessionId, or its IPs when the records had no SessionId. */
function hintsOf(session) {
  const key = session.sessionKey ?? '';
  if (!/\s/.test(key)) return { session: [key] };
  return { ip: session.ips ?? [] };
}

function pickable(session) {
  const hints = hintsOf(session);
  return (hints.session ?? hints.ip ?? []).length > 0;
}

function sessionCard(session, suspicious, pick) {
  const boxId = uid('pick');
  const checkbox = h('input', { type: 'checkbox', id: boxId, value: session.sessionKey, disabled: !pickable(session) });
  checkbox.session = session;
  const pickOne = h('button', { type: 'button', class: 'pick', disabled: !pickable(session) }, 'Pick this session');
  pickOne.addEventListener('click', () => pick([session]));
  return h('li', { class: `session-card${suspicious ? ' suspicious' : ''}`, 'data-session': session.sessionKey },
    h('div', { class: 'session-head' }, checkbox, h('label', { for: boxId }, h('strong', {}, session.sessionKey))),
    h('p', {}, `${(session.ips ?? []).join(', ') || 'no IP'} · ${(session.clients ?? []).join(', ') || 'no client'} · ${(session.users ?? []).join(', ')}`),
    h('p', {}, `${time(session.first)} to ${time(session.last)}`,
      session.records !== undefined ? ` · ${session.records} records` : ` · ${session.reads} reads, ${session.syncs} syncs, ${session.actions} actions`),
    session.reasons?.length ? h('ul', { class: 'reasons' }, session.reasons.map((r) => h('li', {}, r))) : null,
    pickOne);
}

function proposals(main, scope, pick) {
  const suspicious = scope.suspiciousSessions ?? [];
  const keys = new Set(suspicious.map((s) => s.sessionKey));
  const others = (scope.sessions ?? []).filter((s) => !keys.has(s.sessionKey));
  const picked = h('button', { type: 'button', id: 'pick-selected' }, 'Show the scope of the selected sessions');
  const lists = h('div', {},
    view.section('suspicious-sessions', `Suspicious sessions proposed (${suspicious.length})`,
      h('p', {}, 'Proposals from the mailbox\'s own history, for you to confirm. Pick the attacker\'s session, or select several.'),
      suspicious.length
        ? h('ul', { class: 'session-list', id: 'suspicious-list' }, suspicious.map((s) => sessionCard(s, true, pick)))
        : h('p', {}, 'Nothing stands out.')),
    view.section('other-sessions', `The mailbox's other sessions (${others.length})`,
      others.length ? h('ul', { class: 'session-list' }, others.map((s) => sessionCard(s, false, pick))) : h('p', {}, 'None.')),
    picked);
  picked.addEventListener('click', () => {
    const chosen = [...lists.querySelectorAll('input[type=checkbox]:checked')].map((c) => c.session);
    if (chosen.length) pick(chosen);
    else picked.after(h('p', { class: 'status status-error', role: 'alert' }, 'Select at least one session first.'));
  });
  main.append(view.statement(scope), lists);
}

function findings(main, scope) {
  main.append(
    view.statement(scope),
    view.messagesRead(scope),
    view.foldersSynced(scope),
    view.blindWindows(scope),
    ...view.actions(scope).filter(Boolean),
    view.section('attacker-sessions', `The attacker's sessions (${(scope.sessions ?? []).length})`,
      view.sessions(scope.sessions ?? [], 'The attacker\'s sessions')),
    view.section('attacker-timeline', 'What the attacker did, in time order',
      view.timeline(scope.timeline ?? [], 'Timeline of the attacker\'s activity')),
  );
}

export async function render(main, { me, parameters, navigate }) {
  const p = parameters;
  const attackerIps = h('input', { name: 'attacker-ip', autocomplete: 'off', value: (p.ip ?? []).join(', ') });
  const attackerUsers = h('input', { name: 'attacker-user', autocomplete: 'off', value: (p.user ?? []).join(', ') });
  const form = mailboxForm({
    id: 'scope-form',
    parameters: p,
    me,
    button: 'Show the scope',
    onSubmit: ({ mailbox, from, to }) => navigate('scope', { mailbox, from, to, ip: list(attackerIps.value), user: list(attackerUsers.value) }),
  });
  form.querySelector('.grid').append(
    field('Attacker IPs (optional)', attackerIps, 'Known attacker addresses, separated by commas.'),
    field('Attacker accounts (optional)', attackerUsers, 'Accounts the attacker acted as.'));
  const message = h('p', { class: 'status', role: 'status' });
  main.append(h('h1', {}, 'Scope of a compromise'),
    h('p', { class: 'lead' }, 'Which mail did the attacker read? Name the mailbox, then pick the attacker\'s sessions.'),
    form, message);
  const mailbox = p.mailbox?.[0];
  if (!mailbox) return;
  const named = (p.session ?? []).length + (p.ip ?? []).length + (p.user ?? []).length > 0;
  status(message, 'Analysing the mailbox\'s records…');
  const scope = await api.scope({
    mailbox, from: p.from?.[0], to: p.to?.[0], attackerIps: p.ip, attackerSessions: p.session, attackerUsers: p.user,
  }).catch((e) => { status(message, e.message, 'error'); return null; });
  if (!scope) return;
  const base = { mailbox, from: p.from?.[0], to: p.to?.[0] };
  if (!named) {
    status(message, `${scope.records} records of ${mailbox}; no attacker named yet.`, 'ok');
    proposals(main, scope, (sessions) => {
      const hints = sessions.map(hintsOf);
      navigate('scope', { ...base, session: hints.flatMap((x) => x.session ?? []), ip: hints.flatMap((x) => x.ip ?? []) });
    });
    return;
  }
  const back = h('a', { href: `#/scope?${api.query(base)}`, id: 'change-sessions' }, 'Choose other sessions');
  const who = [...(p.session ?? []).map((s) => `session ${s}`), ...(p.ip ?? []).map((i) => `IP ${i}`), ...(p.user ?? []).map((u) => `account ${u}`)];
  status(message, `Attacker: ${who.join(', ')}. ${scope.distinctMessagesRead} messages read.`, 'ok');
  main.append(h('p', {}, back));
  findings(main, scope);
}
