// Administration (organisation and system admins): users (add, change role, deactivate),
// sharing agreements (list, make, end), organisations, the audit log.
import { api, optional } from '../api.js';
import { card, code, errorBox, h, table, unavailable } from '../dom.js';
import { DOMAINS, dateTime, domainName, has, label, nameOf, t } from '../i18n.js';
import { areaByCode } from '../ref.js';

const ROLES = ['VIEWER', 'ANALYST', 'DATA_STEWARD', 'PROGRAMME_COORDINATOR', 'ORG_ADMIN', 'SYSTEM_ADMIN'];

export async function render(view, { me }) {
  const can = (x) => (me.can ?? []).includes(x);
  const [orgs, areas] = await Promise.all([optional('/api/organisations'), areaByCode()]);
  const orgList = orgs.ok ? orgs.data : [];
  const orgName = (id) => {
    const o = orgList.find((x) => x.id === id);
    return o ? (o.secretariat ? t('org.secretariat') : t('org.council', { area: nameOf(areas.get(o.area)) })) : id;
  };
  const usersBox = h('div', { id: 'admin-users' });
  const sharingBox = h('div', { id: 'admin-sharing' });
  const auditBox = h('div', { id: 'admin-audit' });
  view.replaceChildren(...[h('h1', {}, t('admin.title')),
    can('users.manage') ? card(t('admin.users'), usersBox) : null,
    can('sharing.manage') ? card(t('admin.sharing'), sharingBox) : null,
    h('div', { class: 'grid' },
      card(t('admin.orgs'), orgs.ok ? table([t('col.id'), t('col.name')], orgList.map((o) => [code(o.id), orgName(o.id)])) : unavailable(t('admin.orgs'), orgs)),
      card(t('admin.audit'), auditBox))].filter(Boolean));
  await Promise.all([
    can('users.manage') ? users(usersBox, me, orgList, orgName) : null,
    can('sharing.manage') ? sharing(sharingBox, me, orgList, orgName) : null,
    audit(auditBox, can('audit.verify'), orgName)]);
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}

async function users(box, me, orgList, orgName) {
  const res = await optional('/api/users');
  if (!res.ok) return box.replaceChildren(unavailable(t('admin.users'), res));
  const status = h('div', { id: 'users-status', 'aria-live': 'polite' });
  const roles = ROLES.filter((r) => r !== 'SYSTEM_ADMIN' || me.role === 'SYSTEM_ADMIN');
  const change = async (u, body, done) => {
    status.replaceChildren();
    try {
      await api(`/api/users/${encodeURIComponent(u.username)}`, { method: 'PATCH', body });
      status.replaceChildren(h('p', { class: 'ok' }, t(done, { user: u.username })));
      users(box, me, orgList, orgName);
    } catch (e) { status.replaceChildren(errorBox(e)); }
  };
  const rows = res.data.map((u) => {
    const role = h('select', { 'aria-label': t('col.role'), class: 'user-role', dataset: { user: u.username } }, roles.map((r) => h('option', { value: r, selected: r === u.role }, label('role', r))));
    role.addEventListener('change', () => change(u, { role: role.value }, 'users.roleChanged'));
    const self = u.username === me.username;
    const toggle = self ? h('span', { class: 'muted' }, t('users.you'))
      : h('button', { type: 'button', class: u.active ? 'user-deactivate' : 'user-activate', onclick: () => change(u, { active: !u.active }, u.active ? 'users.deactivated' : 'users.activated') },
        u.active ? t('users.deactivate') : t('users.activate'));
    return [code(u.username), orgName(u.organisation), self ? label('role', u.role) : role, u.active ? t('yes') : t('no'), toggle];
  });
  const name = h('input', { id: 'new-user-name', required: true, pattern: '[a-z0-9._-]{3,64}', autocomplete: 'off' });
  const pass = h('input', { id: 'new-user-password', type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const role = h('select', { id: 'new-user-role' }, roles.map((r) => h('option', { value: r }, label('role', r))));
  const org = h('select', { id: 'new-user-org' }, orgList.filter((o) => me.role === 'SYSTEM_ADMIN' || o.id === me.organisation)
    .map((o) => h('option', { value: o.id, selected: o.id === me.organisation }, orgName(o.id))));
  const form = h('form', { class: 'inline', id: 'new-user-form', onsubmit: async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    try {
      await api('/api/users', { method: 'POST', body: { username: name.value, password: pass.value, role: role.value, organisation: org.value } });
      status.replaceChildren(h('p', { class: 'ok', id: 'new-user-ok' }, t('users.added', { user: name.value })));
      users(box, me, orgList, orgName);
    } catch (e) { status.replaceChildren(errorBox(e)); }
  } },
  h('label', { for: 'new-user-name' }, t('col.user'), name), h('label', { for: 'new-user-password' }, t('login.password'), pass),
  h('label', { for: 'new-user-role' }, t('col.role'), role), h('label', { for: 'new-user-org' }, t('col.org'), org),
  h('button', { class: 'primary', type: 'submit', id: 'new-user-add' }, t('users.add')));
  box.replaceChildren(table([t('col.user'), t('col.org'), t('col.role'), t('col.active'), t('col.action')], rows, { id: 'users-table' }),
    h('h2', {}, t('users.new')), form, status);
}

async function sharing(box, me, orgList, orgName) {
  const res = await optional('/api/sharing');
  if (!res.ok) return box.replaceChildren(unavailable(t('admin.sharing'), res));
  const status = h('div', { id: 'sharing-status', 'aria-live': 'polite' });
  const mayChange = (a) => me.role === 'SYSTEM_ADMIN' || a.grantor === me.organisation;
  const rows = res.data.map((a) => [orgName(a.grantor), orgName(a.grantee), label('classification', a.classification),
    a.domains.length === Object.keys(DOMAINS).length ? t('sharing.allDomains') : a.domains.map(domainName).join(', '),
    mayChange(a) ? h('button', { type: 'button', class: 'sharing-revoke', onclick: async () => {
      try {
        await api(`/api/sharing/${encodeURIComponent(a.grantor)}/${encodeURIComponent(a.grantee)}/${a.classification}`, { method: 'DELETE' });
        sharing(box, me, orgList, orgName);
      } catch (e) { status.replaceChildren(errorBox(e)); }
    } }, t('sharing.revoke')) : '']);
  const grantee = h('select', { id: 'sharing-grantee' }, orgList.filter((o) => o.id !== me.organisation).map((o) => h('option', { value: o.id }, orgName(o.id))));
  const cls = h('select', { id: 'sharing-classification' }, ['RESTRICTED', 'NATIONAL'].map((c) => h('option', { value: c }, label('classification', c))));
  const domains = h('select', { id: 'sharing-domains', multiple: true, size: 4 }, Object.keys(DOMAINS).map((d) => h('option', { value: d }, domainName(d))));
  const form = h('form', { class: 'inline', id: 'sharing-form', onsubmit: async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    try {
      await api('/api/sharing', { method: 'POST', body: { grantee: grantee.value, classification: cls.value, domains: [...domains.selectedOptions].map((o) => o.value) } });
      sharing(box, me, orgList, orgName);
    } catch (e) { status.replaceChildren(errorBox(e)); }
  } },
  h('label', { for: 'sharing-grantee' }, t('sharing.grantee'), grantee), h('label', { for: 'sharing-classification' }, t('data.classification'), cls),
  h('label', { for: 'sharing-domains' }, t('sharing.domains'), domains),
  h('button', { class: 'primary', type: 'submit', id: 'sharing-add' }, t('sharing.add')));
  box.replaceChildren(rows.length ? table([t('sharing.grantor'), t('sharing.grantee'), t('data.classification'), t('sharing.domainsCol'), t('col.action')], rows, { id: 'sharing-table' })
    : h('p', { class: 'muted', id: 'sharing-none' }, t('sharing.none')),
  h('h2', {}, t('sharing.new')), h('p', { class: 'muted' }, t('sharing.note')), form, status);
}

async function audit(box, mayVerify, orgName) {
  const res = await optional('/api/audit', { limit: 30 });
  const out = h('span', { id: 'audit-verify-result', 'aria-live': 'polite' });
  const verify = mayVerify ? h('p', {}, h('button', { type: 'button', id: 'audit-verify', onclick: async () => {
    try {
      const r = await api('/api/audit/verify');
      out.replaceChildren(r.valid ? t('audit.valid', { n: r.entriesChecked }) : t('audit.broken', { seq: r.firstBadSeq }));
    } catch (e) { out.replaceChildren(errorBox(e)); }
  } }, t('admin.verify')), ' ', out) : null;
  if (!res.ok) return box.replaceChildren(verify ?? '', unavailable(t('admin.audit'), res));
  const items = Array.isArray(res.data) ? res.data : res.data.items ?? [];
  box.replaceChildren(verify ?? '', h('p', { class: 'muted' }, t('audit.scope')),
    table(['#', t('col.when'), t('col.user'), t('col.action'), t('col.subject')],
      items.slice(-30).reverse().map((a) => [String(a.seq), dateTime(a.at), code(a.user), has(`audit.${a.action}`) ? t(`audit.${a.action}`) : code(a.action), code(a.subject)]), { numeric: [0] }));
}
