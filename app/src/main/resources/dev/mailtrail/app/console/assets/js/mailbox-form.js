// The form the mailbox pages share: which mailbox, and optionally a window (from, to) in the admin date forms.
import * as api from './api.js';
import { field, h, status } from './dom.js';

/** A form; onSubmit({mailbox, from, to}) runs on Enter or the button. A limited scope lists its mailboxes. */
export function mailboxForm({ id, parameters, me, button, onSubmit, window = true }) {
  const mailbox = h('input', {
    name: 'mailbox',
    required: true,
    autocomplete: 'off',
    list: me?.scope ? `${id}-mailboxes` : null,
    placeholder: 'alice@contoso.com',
    value: parameters.mailbox?.[0] ?? '',
  });
  const from = h('input', { name: 'from', autocomplete: 'off', placeholder: '2026-03-01', value: parameters.from?.[0] ?? '' });
  const to = h('input', { name: 'to', autocomplete: 'off', placeholder: '2026-03-04', value: parameters.to?.[0] ?? '' });
  const form = h(
    'form',
    { class: 'criteria', id, 'aria-label': 'Mailbox' },
    h('div', { class: 'grid' },
      field('Mailbox', mailbox, 'Its UPN; every name the records know it by counts.'),
      window && field('From', from, 'Optional: 2026-03-01, 2026-03-01 09:00, 3/1/2026 9:00 PM; UTC.'),
      window && field('To', to, 'Optional, exclusive.')),
    me?.scope && h('datalist', { id: `${id}-mailboxes` }, me.scope.map((m) => h('option', { value: m }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, button)),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit({ mailbox: mailbox.value.trim(), from: from.value.trim(), to: to.value.trim() });
  });
  return form;
}

/**
 * The start of a page that shows one mailbox's scope (timeline, sessions): its heading, the form and a status line;
 * once a mailbox is asked, its scope is read and returned with the status line (null when none was asked or the
 * read failed, which the status line then says).
 */
export async function mailboxScopePage(main, { me, parameters, navigate }, { page, title, button }) {
  const message = h('p', { class: 'status', role: 'status' });
  main.append(h('h1', {}, title),
    mailboxForm({ id: `${page}-form`, parameters, me, button, onSubmit: (q) => navigate(page, q) }),
    message);
  const mailbox = parameters.mailbox?.[0];
  if (!mailbox) return null;
  status(message, 'Reading the mailbox\'s records…');
  const scope = await api.scope({ mailbox, from: parameters.from?.[0], to: parameters.to?.[0] })
    .catch((e) => { status(message, e.message, 'error'); return null; });
  return scope && { scope, mailbox, message };
}
