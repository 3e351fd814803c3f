// A mailbox's timeline: every read (with its messages), sync, action, and the start and end of every blind window,
// in time order, as the scope analysis orders them; filterable as the HTML report's timeline is.
import * as api from '../api.js';
import { field, h, status } from '../dom.js';
import { mailboxForm } from '../mailbox-form.js';
import * as view from '../scope-view.js';

export async function render(main, { me, parameters, navigate }) {
  const message = h('p', { class: 'status', role: 'status' });
  main.append(h('h1', {}, 'Mailbox timeline'),
    mailboxForm({ id: 'timeline-form', parameters, me, button: 'Show the timeline', onSubmit: (q) => navigate('timeline', q) }),
    message);
  const mailbox = parameters.mailbox?.[0];
  if (!mailbox) return;
  status(message, 'Reading the mailbox\'s records…');
  const scope = await api.scope({ mailbox, from: parameters.from?.[0], to: parameters.to?.[0] })
    .catch((e) => { status(message, e.message, 'error'); return null; });
  if (!scope) return;
  const entries = scope.timeline ?? [];
  status(message, `${entries.length} entries from ${scope.records} records of ${mailbox}.`, 'ok');
  const filter = h('input', { type: 'search', id: 'timeline-filter', autocomplete: 'off' });
  const holder = h('div', {}, view.timeline(entries));
  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().trim();
    for (const row of holder.querySelectorAll('tbody tr')) row.hidden = words !== '' && !row.textContent.toLowerCase().includes(words);
  });
  main.append(view.statement(scope), field('Filter the timeline', filter, 'Shows the entries containing these words.'), holder);
}
