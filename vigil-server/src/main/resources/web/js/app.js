// The shell: login, navigation, language switch and a hash router over page modules.
import { api, setUnauthorizedHandler } from './api.js';
import { code, errorBox, h } from './dom.js';
import { getLang, label, loadTranslations, nameOf, onLangChange, setLang, t, translateStatic } from './i18n.js';
import { passwordForm } from './password.js';
import { areaByCode } from './ref.js';

const can = (me, what) => (me.can ?? []).includes(what);

/**
 * Every page, in menu order: its module and who may use it (the server's /api/auth/me says what
 * the role may do). A page is added here and its title under nav.<key> in the translation files.
 */
const PAGES = {
  dashboard: { load: () => import('./pages/dashboard.js') },
  state: { load: () => import('./pages/state.js') },
  indicator: { load: () => import('./pages/indicator.js') },
  risk: { load: () => import('./pages/risk.js') },
  programmes: { load: () => import('./pages/programmes.js') },
  water: { load: () => import('./pages/water.js') },
  events: { load: () => import('./pages/events.js') },
  texts: { load: () => import('./pages/texts.js') },
  data: { load: () => import('./pages/data.js') },
  admin: { load: () => import('./pages/admin.js'), show: (me) => can(me, 'users.manage') || can(me, 'sharing.manage') },
  // Not in the menu: opened from the header's link (every user may change their own password).
  password: { load: () => import('./pages/password.js'), menu: false },
  // Not in the menu: opened from the header's inbox link, which shows the unread count.
  inbox: { load: () => import('./pages/inbox.js'), menu: false },
};
const allowed = (me, p) => PAGES[p] && (!PAGES[p].show || PAGES[p].show(me));

let me = null;
const main = document.getElementById('main');

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?');
  const [page, ...rest] = path.split('/').filter(Boolean);
  return { page: page || 'dashboard', args: rest, query: new URLSearchParams(qs || '') };
}

async function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...(me ? Object.keys(PAGES).filter((p) => allowed(me, p) && PAGES[p].menu !== false).map((p) =>
    h('a', { href: `#/${p}`, id: `nav-${p}`, 'aria-current': p === current ? 'page' : null }, t(`nav.${p}`))) : []));
  const who = document.getElementById('who');
  if (me) {
    const area = (await areaByCode()).get(me.area);
    who.replaceChildren(code(me.username), ` · ${area ? nameOf(area) : me.organisation} · ${label('role', me.role)}`);
  } else who.replaceChildren();
  document.getElementById('logout').hidden = !me;
  document.getElementById('password-link').hidden = !me;
  document.getElementById('inbox-link').hidden = !me;
  if (me) import('./pages/inbox.js').then((m) => m.refreshBadge());
}

async function route() {
  const { page, args, query } = parseHash();
  if (!me) {
    try {
      me = await api('/api/auth/me');
    } catch {
      renderNav('login');
      return showLogin();
    }
  }
  const name = allowed(me, page) ? page : 'dashboard';
  await renderNav(name);
  const view = h('div', { class: 'page', dataset: { page: name } });
  // A published password (the demo logins, let in only by serve --demo) must be changed: say so on
  // every page until it is.
  const banner = me.passwordChangeRequired && name !== 'password'
    ? h('p', { class: 'banner-password', id: 'pw-banner', role: 'status' }, t('pw.requiredDemo'), ' ', h('a', { href: '#/password' }, t('pw.link'))) : null;
  main.replaceChildren(...[banner, view].filter(Boolean));
  try {
    const mod = await PAGES[name].load();
    await mod.render(view, { args, query, me });
  } catch (e) {
    view.replaceChildren(errorBox(e));
    view.dataset.rendered = 'true';
    view.dataset.complete = 'true';
  }
}

function showLogin(message) {
  // Routing can ask for the form more than once (hash change after logout): keep the one shown,
  // so nothing the user already typed is lost.
  if (!message && document.getElementById('login-form')) return;
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const out = h('div', { role: 'alert' }, message ? h('p', { class: 'error' }, message) : null);
  const form = h('form', { id: 'login-form', onsubmit: async (ev) => {
    ev.preventDefault();
    out.replaceChildren();
    try {
      me = await api('/api/auth/login', { method: 'POST', body: { username: user.value, password: pass.value } });
      if (!location.hash || location.hash.startsWith('#/login')) location.hash = '#/dashboard';
      else route();
    } catch (e) {
      // 403 at login: the password is a published one and must be changed first.
      if (e.status === 403) return showPasswordChange(user.value, pass.value);
      out.replaceChildren(h('p', { class: 'error' }, t('login.failed')), errorBox(e));
    }
  } },
  h('label', { for: 'login-user' }, t('login.user'), user),
  h('label', { for: 'login-password' }, t('login.password'), pass),
  h('button', { class: 'primary', type: 'submit', id: 'login-submit' }, t('login.submit')), out);
  main.replaceChildren(h('div', { class: 'card login' }, h('h1', {}, t('login.title')), form));
  user.focus();
}

/** The login refused a published password: change it here, then log in with the new one. */
function showPasswordChange(username, current) {
  const form = passwordForm({ username, current, onDone: async (next, name) => {
    me = await api('/api/auth/login', { method: 'POST', body: { username: name, password: next } });
    location.hash = '#/dashboard';
    route();
  } });
  main.replaceChildren(h('div', { class: 'card login', id: 'password-change' }, h('h1', {}, t('pw.title')),
    h('p', { id: 'pw-required' }, t('pw.required')), form));
  document.getElementById('pw-new').focus();
}

// A session that expires mid-use sends the user back to the login form, once. A 401 from a busy
// server is checked against /api/auth/me first, so a transient failure does not log the user out.
setUnauthorizedHandler(async () => {
  if (!me) return;
  try {
    await api('/api/auth/me');
  } catch (e) {
    if (e.status !== 401) return; // busy or unreachable (503, network): still logged in
    me = null;
    route();
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('/api/auth/logout', { method: 'POST' }); } catch { /* the session is gone either way */ }
  me = null;
  if (location.hash !== '#/login') location.hash = '#/login';
  else route();
});

async function start() {
  await loadTranslations();
  const langSelect = document.getElementById('lang');
  langSelect.value = getLang();
  langSelect.addEventListener('change', () => setLang(langSelect.value));
  onLangChange(() => { translateStatic(); route(); });
  document.documentElement.lang = getLang();
  translateStatic();
  window.addEventListener('hashchange', route);
  route();
}
start();
