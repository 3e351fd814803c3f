// Every call the console makes to MailTrail's API, and every path it uses: the one place to change when the API
// changes. Pages never build a URL or read a response's shape themselves.
//
// Sign-in sets an HttpOnly session cookie; changes (POST, DELETE) carry the session's CSRF token in X-CSRF-Token.

export const PATHS = {
  session: '/api/v1/session',
  unified: '/api/v1/audit/unified',
  unifiedExport: '/api/v1/audit/unified/export',
  scope: '/api/v1/scope',
  cmdlets: '/api/v1/cmdlets',
  mailboxAudit: (identity) => `/api/v1/mailbox-audit?${query({ Identity: identity })}`,
};

/** The role group whose members may export, as Purview names it. */
export const EXPORT_ROLE = 'Audit Logs';
/** The role group whose members may change what is audited. */
export const CONFIGURE_ROLE = 'Audit Configuration';

let csrfToken = null;

/** An answer the API refused, with its status and message (the API's JSON error, or the status text). */
export class ApiError extends Error {
  constructor(status, code, message, parameter) {
    super(message);
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  const message = body?.message ?? body?.error?.message ?? `${response.status} ${response.statusText}`;
  const parameter = body?.parameter ?? body?.details?.parameter ?? null;
  return new ApiError(response.status, body?.error ?? String(response.status), message, parameter);
}

async function call(method, path, { json, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (json !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response);
  return response;
}

/** A query string from {name: value | [values]}: a list repeats its name, empty values are left out. */
export function query(parameters) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && String(v).trim() !== '') q.append(name, String(v).trim());
    }
  }
  return q.toString();
}

function remember(who) {
  csrfToken = who?.csrfToken ?? csrfToken;
  return who;
}

/** Who is signed in: {user, roles[], scope (null: every mailbox), csrfToken}; null when nobody is. */
export async function whoAmI() {
  try {
    return remember(await (await call('GET', PATHS.session)).json());
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function signIn(user, password) {
  return remember(await (await call('POST', PATHS.session, { json: { user, password } })).json());
}

export async function signOut() {
  try {
    await call('DELETE', PATHS.session);
  } finally {
    csrfToken = null;
  }
}

/** Whether {@code who} may change audit settings (the API refuses it to others too). */
export function mayConfigure(who) {
  return Boolean(who?.roles?.includes(CONFIGURE_ROLE));
}

/** Whether {@code who} may export (the API refuses it to others too). */
export function mayExport(who) {
  return Boolean(who?.roles?.includes(EXPORT_ROLE));
}

/** A page's records, the cursor of the next page (null on the last) and how many records match in all. */
function pageOf(response, lines) {
  const next = response.headers.get('X-MailTrail-Next-Cursor');
  const total = response.headers.get('X-MailTrail-Result-Count');
  const records = lines.map((line) => JSON.parse(line));
  return { records, next: next || null, total: total === null ? null : Number(total) };
}

/**
 * One page of Search-UnifiedAuditLog: parameters by the cmdlet's names (StartDate, EndDate, UserIds, Operations,
 * RecordType, IPAddresses, FreeText); answers {records (AuditData objects), next (cursor or null), total}.
 */
export async function searchUnified(parameters, { cursor = null, pageSize = 100 } = {}) {
  const q = query({ ...parameters, ResultSize: 'Unlimited', format: 'jsonl', cursor, pageSize });
  const response = await call('GET', `${PATHS.unified}?${q}`, { accept: 'application/jsonl' });
  const text = await response.text();
  return pageOf(response, text.split('\n').filter((l) => l.trim() !== ''));
}

/** Where the browser downloads the whole search as JSON Lines ('jsonl') or Purview's CSV ('csv'). */
export function exportUrl(parameters, format) {
  const q = query({ ...parameters, ResultSize: 'Unlimited', format: format === 'csv' ? 'csv' : 'jsonl' });
  return `${PATHS.unifiedExport}?${q}`;
}

/**
 * The scope of a compromise, as `mt scope --format json` gives it (schema mailtrail-scope/1): {mailbox, from, to,
 * attackerIps, attackerSessions, attackerUsers}. With no attacker named it lists the mailbox's whole activity —
 * sessions, timeline — and proposes suspicious sessions.
 */
export async function scope({ mailbox, from, to, attackerIps = [], attackerSessions = [], attackerUsers = [] }) {
  const q = query({
    mailbox,
    from,
    to,
    'attacker-ip': attackerIps,
    'attacker-session': attackerSessions,
    'attacker-user': attackerUsers,
  });
  return (await call('GET', `${PATHS.scope}?${q}`)).json();
}

/** A mailbox's audit configuration with, for each logon type and action, whether it is audited and why. */
export async function mailboxAudit(identity) {
  return (await call('GET', PATHS.mailboxAudit(identity))).json();
}

/**
 * Runs a configuration cmdlet as Exchange has it, e.g. ('Set-Mailbox', {Identity: 'x', 'AuditOwner.Add': ['Move']});
 * answers {cmdlet, output}. Recorded by the server twice: the change's own admin record and the call's.
 */
export async function runCmdlet(cmdlet, parameters) {
  return (await call('POST', PATHS.cmdlets, { json: { cmdlet, parameters } })).json();
}
