// A mailbox's audit configuration as Get-Mailbox | Format-List Audit*, DefaultAuditSet prints it, and the reason
// view: for each logon type and mailbox action, whether an access is audited and why not
// ("not audited: Owner list lacks MailboxLogin"), decided by the audit core as it decides for a real access.
import * as api from '../api.js';
import { clear, h, status, table } from '../dom.js';
import { mailboxForm } from '../mailbox-form.js';

function properties(audit) {
  const rows = [
    ['Identity', audit.identity],
    ['RecipientTypeDetails', audit.recipientTypeDetails],
    ['AuditEnabled', audit.auditEnabled ? 'True' : 'False'],
    ['AuditLogAgeLimit', audit.auditLogAgeLimit],
    ['AuditAdmin', `{${(audit.auditAdmin ?? []).join(', ')}}`],
    ['AuditDelegate', `{${(audit.auditDelegate ?? []).join(', ')}}`],
    ['AuditOwner', `{${(audit.auditOwner ?? []).join(', ')}}`],
    ['DefaultAuditSet', `{${(audit.defaultAuditSet ?? []).join(', ')}}`],
  ];
  return h('dl', { class: 'properties', id: 'mailbox-properties' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '')]));
}

/** A button that adds the action to the logon type's list, or removes it, then shows the configuration again. */
function change(audit, group, decision, context, message) {
  const verb = decision.audited ? 'Remove' : 'Add';
  const button = h('button', {
    type: 'button',
    class: 'secondary small change',
    // the visible words begin the accessible name (WCAG 2.5.3), which says which row it acts on
    'aria-label': `${decision.audited ? 'Stop auditing' : 'Audit it'}: ${decision.action} for ${group.logonType} logons`,
  }, decision.audited ? 'Stop auditing' : 'Audit it');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.runCmdlet('Set-Mailbox', { Identity: audit.identity, [`Audit${group.logonType}.${verb}`]: [decision.action] });
      context.navigate('config', { mailbox: audit.identity });
    } catch (e) {
      status(message, e.message, 'error');
      button.disabled = false;
    }
  });
  return button;
}

function reasons(audit, context, message) {
  const configure = api.mayConfigure(context.me);
  const onlyGaps = h('input', { type: 'checkbox', id: 'only-not-audited' });
  const holder = h('div', {});
  const draw = () => {
    clear(holder);
    for (const group of audit.logonTypes ?? []) {
      const rows = group.actions
        .filter((a) => !onlyGaps.checked || !a.audited)
        .map((a) => h('tr', { class: a.audited ? 'audited' : 'not-audited' },
          h('th', { scope: 'row' }, a.action),
          h('td', {}, h('span', { class: a.audited ? 'badge ok' : 'badge gap' }, a.audited ? 'Audited' : 'Not audited')),
          h('td', { class: 'reason' }, a.reason),
          configure ? h('td', {}, change(audit, group, a, context, message)) : null));
      holder.append(h('section', { class: 'logon-type', 'aria-labelledby': `lt-${group.logonType}` },
        h('h3', { id: `lt-${group.logonType}` }, `${group.logonType} logons`),
        table(`${group.logonType} logons`, ['Action', 'Audited', 'Why', ...(configure ? ['Change'] : [])], rows)));
    }
  };
  onlyGaps.addEventListener('change', draw);
  draw();
  return h('section', { id: 'reason-view', 'aria-labelledby': 'reason-title' },
    h('h2', { id: 'reason-title' }, 'What is audited, and why not'),
    audit.organization?.auditDisabled ? h('p', { class: 'warning' }, 'The organization\'s AuditDisabled is True: nothing is audited.') : null,
    (audit.bypassedAccounts ?? []).length
      ? h('p', { class: 'warning' }, `Accounts with AuditBypassEnabled True (never audited in any mailbox): ${audit.bypassedAccounts.join(', ')}.`)
      : null,
    h('div', { class: 'check' }, onlyGaps, h('label', { for: 'only-not-audited' }, 'Show only what is not audited')),
    holder);
}

export async function render(main, context) {
  const { me, parameters, navigate } = context;
  const message = h('p', { class: 'status', role: 'status' });
  main.append(h('h1', {}, 'Audit configuration'),
    mailboxForm({ id: 'config-form', parameters, me, window: false, button: 'Show the configuration', onSubmit: ({ mailbox }) => navigate('config', { mailbox }) }),
    message);
  const mailbox = parameters.mailbox?.[0];
  if (!mailbox) return;
  const audit = await api.mailboxAudit(mailbox).catch((e) => { status(message, e.message, 'error'); return null; });
  if (!audit) return;
  status(message, '');
  if (audit.known === false) {
    main.append(h('p', { class: 'warning' }, `No record or cmdlet has named ${audit.identity} yet: it would start on the defaults shown.`));
  }
  main.append(h('section', { 'aria-labelledby': 'properties-title' }, h('h2', { id: 'properties-title' }, `Get-Mailbox ${audit.identity}`), properties(audit)), reasons(audit, context, message));
}
