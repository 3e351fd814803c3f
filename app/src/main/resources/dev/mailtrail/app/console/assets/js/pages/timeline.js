// A mailbox's timeline: every read (with its messages), sync, action, and the start and end of every blind window,
// in time order, as the scope analysis orders them; filterable as the HTML report's timeline is.
import { field, h, status } from '../dom.js';
import { mailboxScopePage } from '../mailbox-form.js';
import * as view from '../scope-view.js';

export async function render(main, context) {
  const shown = await mailboxScopePage(main, context, { page: 'timeline', title: 'Mailbox timeline', button: 'Show the timeline' });
  if (!shown) return;
  const { scope, mailbox, message } = shown;
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
