// Changing one's own password (POST /api/auth/password): from the login form when the server
// refuses a published password (the demo logins outside serve --demo), and as a page for a user
// who is logged in (#/password; /api/auth/me says when the change is required).
import { api } from './api.js';
import { errorBox, h } from './dom.js';
import { t } from './i18n.js';

/**
 * The form. username: given when not logged in (the server then needs it); current: the password
 * just typed at the login form, if any. onDone(newPassword) runs after the server accepted it.
 */
export function passwordForm({ username, current = '', onDone }) {
  const user = username !== undefined
    ? h('input', { id: 'pw-user', name: 'username', autocomplete: 'username', required: true, value: username }) : null;
  const cur = h('input', { id: 'pw-current', type: 'password', autocomplete: 'current-password', required: true });
  cur.value = current;
  const next = h('input', { id: 'pw-new', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const again = h('input', { id: 'pw-repeat', type: 'password', autocomplete: 'new-password', required: true, minlength: 12 });
  const out = h('div', { id: 'pw-status', role: 'alert' });
  const form = h('form', { id: 'password-form', class: 'stack', onsubmit: async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    if (next.value !== again.value) return out.replaceChildren(h('p', { class: 'error' }, t('pw.mismatch')));
    const body = { currentPassword: cur.value, newPassword: next.value };
    if (user) body.username = user.value;
    try {
      await api('/api/auth/password', { method: 'POST', body });
      out.replaceChildren(h('p', { class: 'ok', id: 'pw-changed' }, t('pw.changed')));
      form.reset();
      await onDone?.(body.newPassword, user ? user.value : undefined);
    } catch (e) {
      out.replaceChildren(errorBox(e));
    }
  } },
  user ? h('label', { for: 'pw-user' }, t('login.user'), user) : null,
  h('label', { for: 'pw-current' }, t('pw.current'), cur),
  h('label', { for: 'pw-new' }, t('pw.new'), next),
  h('label', { for: 'pw-repeat' }, t('pw.repeat'), again),
  h('button', { class: 'primary', type: 'submit', id: 'pw-submit' }, t('pw.submit')), out);
  return form;
}
