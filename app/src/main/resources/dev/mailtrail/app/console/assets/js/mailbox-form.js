// The form the mailbox pages share: which mailbox, and optionally a window (from, to) in the admin date forms.
import { field, h } from './dom.js';

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
