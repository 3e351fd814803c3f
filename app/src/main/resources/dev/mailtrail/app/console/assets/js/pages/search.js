// Audit search as Purview has it: a date range, users, activities (operations), a record type, IP addresses and
// free text; the results as a table, a row's AuditData on click; export buttons only for "Audit Logs" members.
import * as api from '../api.js';
import { clear, field, h, labelCells, list, status, time } from '../dom.js';

const RECORD_TYPES = [
  ['', 'All record types'],
  ['ExchangeItem', 'ExchangeItem (2)'],
  ['ExchangeItemAggregated', 'ExchangeItemAggregated (50)'],
  ['ExchangeItemGroup', 'ExchangeItemGroup (3)'],
  ['ExchangeAdmin', 'ExchangeAdmin (1)'],
  ['ExchangeSearch', 'ExchangeSearch (101)'],
  ['AzureActiveDirectoryStsLogon', 'AzureActiveDirectoryStsLogon (15)'],
];
const RECORD_TYPE_NAMES = { 1: 'ExchangeAdmin', 2: 'ExchangeItem', 3: 'ExchangeItemGroup', 15: 'AzureActiveDirectoryStsLogon', 19: 'ExchangeAggregatedOperation', 50: 'ExchangeItemAggregated', 101: 'ExchangeSearch' };
const OPERATIONS = ['MailItemsAccessed', 'Send', 'SendAs', 'SendOnBehalf', 'MailboxLogin', 'SearchQueryInitiatedExchange',
  'New-InboxRule', 'Set-InboxRule', 'Remove-InboxRule', 'UpdateInboxRules', 'MoveToDeletedItems', 'SoftDelete',
  'HardDelete', 'Move', 'Copy', 'Create', 'Update', 'Set-Mailbox', 'Set-OrganizationConfig',
  'Set-MailboxAuditBypassAssociation', 'AddFolderPermissions', 'Add-MailboxPermission'];

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** What a row names: a read's messages, a sync's folder, a cmdlet's line, an item's subject. */
function itemOf(record) {
  if (record.Item?.Subject) return record.Item.Subject;
  const folders = record.Folders ?? [];
  const items = folders.flatMap((f) => (f.FolderItems ?? []).map((i) => i.Subject ?? i.InternetMessageId));
  if (items.length) return `${folders.map((f) => f.Path).join(', ')}: ${items.join('; ')}`;
  if (record.MailAccessType === 'Sync' || folders.length) return folders.map((f) => f.Path).join(', ');
  if (record.AffectedItems?.length) return record.AffectedItems.map((i) => i.Subject ?? i.InternetMessageId).join('; ');
  if (Array.isArray(record.Parameters)) {
    return `${record.Operation} ${record.Parameters.map((p) => `-${p.Name} ${p.Value}`).join(' ')}`;
  }
  return record.ObjectId ?? '';
}

function detailsDialog() {
  const title = h('h2', { id: 'auditdata-title' }, 'AuditData');
  const body = h('pre', { class: 'auditdata', id: 'auditdata', tabindex: '0' });
  const close = h('button', { type: 'button', class: 'secondary' }, 'Close');
  const dialog = h('dialog', { class: 'details', 'aria-labelledby': 'auditdata-title' }, h('div', { class: 'dialog-head' }, title, close), body);
  close.addEventListener('click', () => dialog.close());
  return {
    dialog,
    show(record, opener) {
      title.textContent = `AuditData: ${record.Operation ?? ''} ${time(record.CreationTime)}`;
      body.textContent = JSON.stringify(record, null, 2);
      dialog.addEventListener('close', () => opener.focus(), { once: true });
      dialog.showModal();
      close.focus();
    },
  };
}

export function render(main, { me, parameters }) {
  const today = new Date();
  const input = (name, attributes = {}) => h('input', { name, value: parameters[name]?.join(', ') ?? '', ...attributes });
  const start = input('StartDate', { type: 'date', required: true, value: parameters.StartDate?.[0] ?? isoDay(new Date(today - 7 * 864e5)) });
  const end = input('EndDate', { type: 'date', required: true, value: parameters.EndDate?.[0] ?? isoDay(new Date(+today + 864e5)) });
  const users = input('UserIds', { autocomplete: 'off', placeholder: 'alice@contoso.com' });
  const operations = input('Operations', { list: 'operations', autocomplete: 'off', placeholder: 'MailItemsAccessed, Send' });
  const recordType = h('select', { name: 'RecordType' }, RECORD_TYPES.map(([v, t]) => h('option', { value: v, selected: parameters.RecordType?.[0] === v }, t)));
  const ips = input('IPAddresses', { autocomplete: 'off', placeholder: '203.0.113.66' });
  const freeText = input('FreeText', { type: 'search', autocomplete: 'off' });
  const message = h('p', { class: 'status', role: 'status' });
  const results = h('div', { class: 'results' });
  const dialog = detailsDialog();
  const exportLinks = h('div', { class: 'exports', id: 'exports' });

  const criteria = () => ({
    StartDate: start.value,
    EndDate: end.value,
    UserIds: list(users.value),
    Operations: list(operations.value),
    RecordType: recordType.value,
    IPAddresses: list(ips.value),
    FreeText: freeText.value,
  });

  const form = h(
    'form',
    { class: 'criteria', id: 'search-form', 'aria-label': 'Search criteria' },
    h('div', { class: 'grid' },
      field('Start date', start, 'From midnight UTC.'),
      field('End date', end, 'Until midnight UTC (exclusive).'),
      field('Users', users, 'UserIds, separated by commas.'),
      field('Activities', operations, 'Operations, separated by commas.'),
      field('Record type', recordType),
      field('IP addresses', ips, 'Client IPs, separated by commas.'),
      field('Free text', freeText, 'Matched anywhere in the record.')),
    h('datalist', { id: 'operations' }, OPERATIONS.map((o) => h('option', { value: o }))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'search-button' }, 'Search')),
  );

  let shown = 0;
  async function run(cursor, body) {
    status(message, 'Searching…');
    const page = await api.searchUnified(criteria(), { cursor, pageSize: 100 });
    for (const record of page.records) {
      shown += 1;
      const open = h('button', { type: 'button', class: 'link', 'aria-haspopup': 'dialog' }, time(record.CreationTime));
      const row = h('tr', { class: 'result-row' },
        h('td', {}, open),
        h('td', {}, record.ClientIP ?? record.ClientIPAddress ?? ''),
        h('td', {}, record.UserId ?? ''),
        h('td', {}, RECORD_TYPE_NAMES[record.RecordType] ?? String(record.RecordType ?? '')),
        h('td', {}, record.Operation ?? ''),
        h('td', { class: 'item' }, itemOf(record)));
      open.addEventListener('click', (e) => { e.stopPropagation(); dialog.show(record, open); });
      row.addEventListener('click', () => dialog.show(record, open));
      body.append(row);
    }
    labelCells(body.closest('table'));
    const total = page.total ?? shown;
    status(message, shown === 0 ? 'No records match.' : `${shown} of ${total} records shown, newest first.`, shown ? 'ok' : 'info');
    return page.next;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(results);
    clear(exportLinks);
    shown = 0;
    const body = h('tbody', {});
    const more = h('button', { type: 'button', class: 'secondary', id: 'more', hidden: true }, 'Show more');
    results.append(h('div', { class: 'table-wrap', role: 'region', 'aria-label': 'Search results', tabindex: '0' },
      h('table', { id: 'results', class: 'cards' },
        h('caption', {}, 'Search results'),
        h('thead', {}, h('tr', {}, ['Date', 'IP address', 'User', 'Record type', 'Activity', 'Item']
          .map((t) => h('th', { scope: 'col' }, t)))),
        body)), more);
    let next = null;
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        next = await run(next, body);
        more.hidden = !next;
      } catch (e) {
        status(message, e.message, 'error');
      } finally {
        more.disabled = false;
      }
    });
    try {
      next = await run(null, body);
      more.hidden = !next;
      if (api.mayExport(me)) {
        exportLinks.append(
          h('a', { class: 'button', id: 'export-jsonl', href: api.exportUrl(criteria(), 'jsonl'), download: 'audit-search.jsonl' }, 'Export JSON Lines'),
          h('a', { class: 'button', id: 'export-csv', href: api.exportUrl(criteria(), 'csv'), download: 'audit-search.csv' }, 'Export CSV'));
      }
    } catch (e) {
      status(message, e.message, 'error');
    }
  });

  main.append(
    h('h1', {}, 'Audit search'),
    h('p', { class: 'lead' }, 'Search the unified audit log as Search-UnifiedAuditLog does. Select a row to read its AuditData.'),
    form,
    message,
    exportLinks,
    results,
    dialog.dialog,
  );
}
