// Administration: users, organisations, sharing agreements, audit log.
import { api, optional } from '../api.js';
import { card, h, table, unavailable } from '../dom.js';
import { dateTime, nameOf, t } from '../i18n.js';

export async function render(view) {
  const [users, orgs, sharing, audit] = await Promise.all([optional('/api/users'), optional('/api/organisations'), optional('/api/sharing'), optional('/api/audit', { limit: 50 })]);
  const verifyOut = h('span', { id: 'audit-verify-result', 'aria-live': 'polite' });
  const verify = h('button', { type: 'button', id: 'audit-verify', onclick: async () => {
    try {
      const r = await api('/api/audit/verify');
      verifyOut.textContent = ` ${r.valid ?? r.ok ?? ''} ${r.entries ?? r.checked ?? ''} ${r.message ?? ''}`;
    } catch (e) { verifyOut.textContent = ` ${t('error')}: ${e.message}`; }
  } }, t('admin.verify'));
  const auditItems = audit.ok ? (Array.isArray(audit.data) ? audit.data : audit.data.items ?? []) : [];
  const shares = sharing.ok ? (Array.isArray(sharing.data) ? sharing.data : sharing.data.items ?? []) : [];
  view.replaceChildren(h('h1', {}, t('admin.title')),
    h('div', { class: 'grid' },
      card(t('admin.users'), users.ok ? table([t('col.user'), t('col.org'), t('col.role'), t('col.active')],
        users.data.map((u) => [u.username, u.organisation, u.role, u.active ? t('yes') : t('no')])) : unavailable(t('admin.users'), users)),
      card(t('admin.orgs'), orgs.ok ? table([t('col.id'), t('col.name')], orgs.data.map((o) => [o.id, nameOf(o)])) : unavailable(t('admin.orgs'), orgs))),
    card(t('admin.sharing'), sharing.ok && shares.length ? table(Object.keys(shares[0]), shares.map((s) => Object.values(s).map(String))) : unavailable(t('admin.sharing'), sharing.ok ? null : sharing)),
    card(t('admin.audit'), h('p', {}, verify, verifyOut), audit.ok ? table(['#', t('col.when'), t('col.user'), t('col.org'), t('col.action'), t('col.subject')],
      auditItems.map((a) => [String(a.seq), dateTime(a.at), a.user, a.organisation, a.action, a.subject])) : unavailable(t('admin.audit'), audit)));
  view.dataset.rendered = 'true';
}
