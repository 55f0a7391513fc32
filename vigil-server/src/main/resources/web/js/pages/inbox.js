// Inbox: the alerts the user's subscriptions delivered (only what the user may read), with read,
// acknowledge and close; and the user's subscriptions, to add or cancel.
import { api } from '../api.js';
import { card, code, errorBox, h, table } from '../dom.js';
import { dateTime, domainName, getLang, label, period, t } from '../i18n.js';
import { THREAT_DOMAINS } from '../domains.js';

const STATES = ['UNREAD', 'READ', 'ACKNOWLEDGED', 'CLOSED'];

export async function render(view, { query }) {
  const list = h('div', { id: 'inbox-items' }, h('p', { class: 'loading' }, t('loading')));
  const subs = h('div', { id: 'inbox-subs' }, h('p', { class: 'loading' }, t('loading')));
  const filter = h('select', { id: 'inbox-state', onchange: () => items(list, filter.value, query) },
    h('option', { value: '' }, t('inbox.all')),
    STATES.map((s) => h('option', { value: s, selected: query.get('state') === s }, label('inboxState', s))));
  view.replaceChildren(h('h1', {}, t('inbox.title')),
    card(t('inbox.title'), h('label', {}, t('inbox.show'), ' ', filter), list),
    card(t('inbox.subscriptions'), subs));
  await Promise.all([items(list, filter.value, query), subscriptions(subs)]);
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}

async function items(box, state, query) {
  try {
    const res = await api('/api/notify/inbox', { query: { state, limit: 200 } });
    const rows = res.items ?? [];
    if (!rows.length) return box.replaceChildren(h('p', { class: 'muted', id: 'inbox-none' }, t('inbox.none')));
    const focus = Number(query.get('alert'));
    box.replaceChildren(h('ul', { class: 'plain alerts', id: 'inbox-list' }, rows.map((i) => item(i, box, state, query, focus))));
    const target = focus ? box.querySelector(`[data-alert="${focus}"]`) : null;
    if (target) target.scrollIntoView({ block: 'center' });
  } catch (e) {
    box.replaceChildren(errorBox(e));
  }
}

function item(i, box, state, query, focus) {
  const a = i.alert;
  const msg = getLang() === 'ru' ? a.messageRu : a.messageEn;
  const act = (s) => h('button', { type: 'button', class: `inbox-${s.toLowerCase()}`, onclick: async () => {
    await api(`/api/notify/inbox/${i.id}/state`, { method: 'POST', body: { state: s } });
    await items(box, state, query);
    refreshBadge();
  } }, t(`inbox.do.${s}`));
  const actions = STATES.slice(1).filter((s) => STATES.indexOf(s) > STATES.indexOf(i.state)).map(act);
  return h('li', { class: `alert sev-${a.severity}${a.id === focus ? ' focus' : ''}`, dataset: { alert: a.id, state: i.state } },
    h('strong', { class: `sev sev-${a.severity}` }, label('severity', a.severity)), ' · ',
    h('a', { href: `#/indicator?code=${encodeURIComponent(a.indicator)}&areas=${encodeURIComponent(a.area)}` }, code(a.indicator)),
    ' · ', code(a.area), a.period ? ` · ${period(a.period)}` : '',
    h('br'), h('span', {}, msg),
    h('br'), h('span', { class: 'muted' }, `${label('alertRule', a.rule)} · ${dateTime(i.createdAt)} · `,
      h('span', { class: 'inbox-state' }, label('inboxState', i.state))), ' ', ...actions);
}

async function subscriptions(box) {
  try {
    const subs = await api('/api/notify/subscriptions');
    const active = subs.filter((s) => s.active);
    const rows = active.map((s) => [label('channel', s.channel), s.to ? code(s.to) : '—',
      s.domain ? domainName(s.domain) : t('inbox.any'), s.area ? code(s.area) : t('inbox.any'),
      s.indicator ? code(s.indicator) : t('inbox.any'), label('severity', s.severity), s.lang,
      h('button', { type: 'button', class: 'sub-cancel', onclick: async () => {
        await api(`/api/notify/subscriptions/${s.id}`, { method: 'DELETE' });
        await subscriptions(box);
      } }, t('inbox.cancel'))]);
    box.replaceChildren(
      active.length ? table([t('inbox.channel'), t('inbox.to'), t('inbox.domain'), t('inbox.area'), t('inbox.indicator'), t('inbox.severity'), t('inbox.lang'), ''], rows, { id: 'subs-table' })
        : h('p', { class: 'muted', id: 'subs-none' }, t('inbox.noSubs')),
      form(box));
  } catch (e) {
    box.replaceChildren(errorBox(e));
  }
}

function form(box) {
  const domain = h('select', { id: 'sub-domain' }, h('option', { value: '' }, t('inbox.any')),
    THREAT_DOMAINS.map((d) => h('option', { value: d }, domainName(d))));
  const area = h('input', { id: 'sub-area', size: 6, placeholder: 'KAZ' });
  const indicator = h('input', { id: 'sub-indicator', size: 18 });
  const severity = h('select', { id: 'sub-severity' }, ['INFO', 'WARNING', 'CRITICAL'].map((s) => h('option', { value: s }, label('severity', s))));
  const channel = h('select', { id: 'sub-channel' }, ['INBOX', 'EMAIL', 'WEBHOOK', 'DIGEST'].map((c) => h('option', { value: c }, label('channel', c))));
  const to = h('input', { id: 'sub-to', size: 24 });
  const status = h('span', { role: 'status' });
  const f = h('form', { id: 'sub-form', class: 'inline-form', onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      await api('/api/notify/subscriptions', { method: 'POST', body: { domain: domain.value, area: area.value, indicator: indicator.value, severity: severity.value, channel: channel.value, to: to.value, lang: getLang() } });
      await subscriptions(box);
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  } },
  h('label', {}, t('inbox.domain'), ' ', domain), ' ', h('label', {}, t('inbox.area'), ' ', area), ' ',
  h('label', {}, t('inbox.indicator'), ' ', indicator), ' ', h('label', {}, t('inbox.severity'), ' ', severity), ' ',
  h('label', {}, t('inbox.channel'), ' ', channel), ' ', h('label', {}, t('inbox.to'), ' ', to), ' ',
  h('button', { type: 'submit', id: 'sub-add' }, t('inbox.subscribe')), ' ', status);
  return f;
}

/** Updates the header's unread count. */
export async function refreshBadge() {
  const badge = document.getElementById('inbox-count');
  if (!badge) return;
  try {
    const { unread } = await api('/api/notify/inbox/count');
    badge.textContent = unread > 0 ? String(unread) : '';
    badge.hidden = unread === 0;
  } catch {
    badge.hidden = true;
  }
}
