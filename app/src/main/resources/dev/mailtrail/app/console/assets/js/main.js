// The console's shell: who is signed in, the hash route (#/page?parameters), the navigation, and which page draws
// the main region. Pages are modules with render(main, context); each page's heading takes the focus on arrival,
// so keyboard and screen reader users start where the new content starts.
import * as api from './api.js';
import { clear, h, routeParameters } from './dom.js';
import * as login from './pages/login.js';
import * as search from './pages/search.js';
import * as timeline from './pages/timeline.js';
import * as sessions from './pages/sessions.js';
import * as scope from './pages/scope.js';
import * as config from './pages/config.js';

const PAGES = { login, search, timeline, sessions, scope, config };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let me = null;

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, search = ''] = hash.split('?');
  return { name: PAGES[name] ? name : 'search', parameters: routeParameters(search) };
}

/** Goes to a page with parameters ({mailbox: 'x', session: ['a', 'b']}), as a link would. */
export function navigate(name, parameters = {}) {
  const q = api.query(parameters);
  const target = `#/${name}${q ? `?${q}` : ''}`;
  if (location.hash === target) render();
  else location.hash = target;
}

function showSignedIn() {
  nav.hidden = !me;
  who.hidden = !me;
  document.getElementById('who-name').textContent = me
    ? `${me.user} (${(me.roles ?? []).join(', ') || 'no role group'})`
    : '';
}

async function render() {
  const { name, parameters } = route();
  const page = me ? PAGES[name] : login;
  showSignedIn();
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  clear(main);
  // a page still loading when the route changes draws into a container that is no longer in the page
  const container = h('div', { class: 'page' });
  main.append(container);
  try {
    await page.render(container, {
      me,
      parameters,
      navigate,
      signedIn(who) {
        me = who;
        navigate(name === 'login' ? 'search' : name, parameters);
      },
    });
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) {
      me = null;
      render();
      return;
    }
    container.append(h('p', { class: 'status status-error', role: 'alert' }, `The console failed: ${e.message}`));
  }
  if (!container.isConnected) return;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    document.title = `${heading.textContent} · MailTrail`;
  }
  (main.querySelector('[data-autofocus]') ?? heading)?.focus();
}

document.getElementById('sign-out').addEventListener('click', async () => {
  try {
    await api.signOut();
  } finally {
    me = null;
    navigate('login');
  }
});
window.addEventListener('hashchange', render);
// the hash is the route, so the skip link moves the focus instead of the hash
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

me = await api.whoAmI().catch(() => null);
render();
