// Sign in with a MailTrail account (mt account): the API sets the session cookie and gives the CSRF token.
import * as api from '../api.js';
import { field, h, status } from '../dom.js';

export function render(main, context) {
  const user = h('input', { name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none', 'data-autofocus': true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'status', role: 'alert' });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    { class: 'login', id: 'login-form' },
    field('User', user),
    field('Password', password),
    submit,
    message,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status(message, 'Signing in…');
    try {
      context.signedIn(await api.signIn(user.value.trim(), password.value));
    } catch (e) {
      status(message, e.message, 'error');
      password.select();
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(
    h('section', { class: 'login-page' }, h('h1', {}, 'Sign in to MailTrail'), form,
      h('p', { class: 'hint' }, 'Accounts are made on the server with mt account. Every search, export and scope'
        + ' you run is itself recorded in the unified audit log.')),
  );
}
