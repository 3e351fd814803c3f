// Building the page from data without markup: every value from a record becomes a text node, never HTML, so a
// subject such as "<script>" stays text (the CSP forbids inline script as a second wall).

/** An element: h('a', {href: '#/x', class: 'y', onclick: f}, 'text', child, [more]). */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'for') {
      node.htmlFor = value;
    } else if (name === 'value') {
      node.value = value;
    } else if (name === 'checked') {
      node.checked = Boolean(value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

let ids = 0;
/** An id unique in the page, for label/for and aria-controls pairs. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled input: label above, hint below (tied by aria-describedby). */
export function field(label, input, hint) {
  const id = input.id || uid('f');
  input.id = id;
  const parts = [h('label', { for: id }, label), input];
  if (hint) {
    const hintId = `${id}-hint`;
    input.setAttribute('aria-describedby', hintId);
    parts.push(h('p', { class: 'hint', id: hintId }, hint));
  }
  return h('div', { class: 'field' }, parts);
}

/** An ISO instant as the responder reads it: 2026-03-02 09:14:03 UTC. */
export function time(iso) {
  if (!iso) return '';
  const text = String(iso);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z?$/.exec(text);
  return m ? `${m[1]} ${m[2]} UTC` : text;
}

/**
 * Names each cell by its column (data-label), so that on a phone, where rows become cards, every value shows the
 * name of its column beside it.
 */
export function labelCells(tableNode) {
  const names = [...tableNode.querySelectorAll('thead th')].map((th) => th.textContent);
  for (const row of tableNode.querySelectorAll('tbody tr')) {
    [...row.cells].forEach((cell, i) => cell.setAttribute('data-label', names[i] ?? ''));
  }
  return tableNode;
}

/** A table in a scrolling region that a keyboard can reach and a screen reader can name. */
export function table(caption, headers, rows, { className = '' } = {}) {
  return h(
    'div',
    { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    labelCells(h(
      'table',
      { class: `cards ${className}`.trim() },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows),
    )),
  );
}

/** A message in the page's status line, read out by screen readers. */
export function status(node, text, kind = 'info') {
  clear(node);
  node.className = `status status-${kind}`;
  if (text) node.append(text);
}

/** Parameters of the hash route (#/page?a=1&b=2&b=3): {a: ['1'], b: ['2', '3']}. */
export function routeParameters(search) {
  const parameters = {};
  for (const [k, v] of new URLSearchParams(search)) (parameters[k] ??= []).push(v);
  return parameters;
}

/** Splits "a, b;c" as a responder types a list. */
export function list(text) {
  return String(text ?? '')
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
