// State profile: risk by domain with drivers, key indicators with trends, data quality.
import { api, optional } from '../api.js';
import { card, h, synthMark, table, unavailable } from '../dom.js';
import { domainName, nameOf, num, pct, period, t } from '../i18n.js';
import { allIndicators, states } from '../ref.js';
import { riskRows } from '../shapes.js';

export async function render(view, { args }) {
  const [members, indicators] = await Promise.all([states(), allIndicators()]);
  const code = args[0] || members[0]?.code;
  const area = members.find((a) => a.code === code);
  const select = h('select', { id: 'state-code' }, members.map((a) => h('option', { value: a.code, selected: a.code === code }, nameOf(a))));
  select.addEventListener('change', () => { location.hash = `#/state/${select.value}`; });
  const riskBox = h('div', {}, h('p', { class: 'loading' }, t('loading')));
  const indBox = h('div', { id: 'state-indicators' }, h('p', { class: 'loading' }, t('loading')));
  const qualityBox = h('div', {}, h('p', { class: 'loading' }, t('loading')));
  view.replaceChildren(h('h1', {}, `${t('state.title')}: ${nameOf(area)}`),
    h('div', { class: 'controls' }, h('label', { for: 'state-code' }, t('state.choose'), select)),
    h('div', { class: 'grid' }, card(t('state.riskByDomain'), riskBox), card(t('state.quality'), qualityBox)),
    card(t('state.keyIndicators'), indBox));
  const slow = Promise.all([risk(riskBox, code), quality(qualityBox, code)]);
  await keyIndicators(indBox, code, indicators);
  view.dataset.rendered = 'true';
  await slow;
  view.dataset.complete = 'true';
}

async function risk(box, code) {
  const res = await optional('/api/analytics/risk', { draws: 0, horizon: 1 });
  if (!res.ok) return box.replaceChildren(unavailable(t('risk.index'), res));
  const row = riskRows(res.data).find((r) => r.area === code);
  if (!row) return box.replaceChildren(unavailable(t('risk.index'), null));
  const domains = Object.values(row.domains).filter((s) => typeof s.score === 'number').sort((a, b) => b.score - a.score);
  box.replaceChildren(h('p', {}, `${t('risk.scale')} (${t('risk.composite')}): `, h('strong', { id: 'state-risk' }, num(row.score))),
    table([t('col.domain'), t('col.score'), t('col.change'), t('col.driver')], domains.map((s) => [domainName(s.domain), num(s.score), num(s.change),
      (s.drivers ?? []).filter((d) => d.contribution > 0).slice(0, 2).map((d) => d.name).join('; ')]), { numeric: [1, 2] }));
}

async function keyIndicators(box, code, indicators) {
  const list = indicators.filter((i) => i.code !== 'POPULATION').slice(0, 24);
  const series = await Promise.all(list.map((i) => optional('/api/series', { indicator: i.code, area: code })));
  const rows = [];
  list.forEach((ind, k) => {
    const obs = series[k].ok ? series[k].data.observations.filter((o) => o.value !== null) : [];
    if (!obs.length) return;
    const last = obs[obs.length - 1];
    const back = ind.frequency === 'MONTHLY' ? 12 : ind.frequency === 'QUARTERLY' ? 4 : 1;
    const prev = obs.length > back ? obs[obs.length - 1 - back] : null;
    rows.push([
      h('a', { href: `#/indicator?code=${ind.code}&areas=${code}` }, nameOf(ind)), synthMark(ind),
      domainName(ind.domain), period(last.period), num(last.value), prev ? pct((last.value - prev.value) / Math.abs(prev.value || NaN)) : '—', ind.unit]);
  });
  box.replaceChildren(rows.length ? table([t('col.indicator'), '', t('col.domain'), t('col.period'), t('col.latest'), t('col.change'), t('col.unit')], rows, { numeric: [4, 5] }) : unavailable('', null));
}

async function quality(box, code) {
  const res = await optional('/api/analytics/quality', { area: code });
  if (!res.ok) return box.replaceChildren(unavailable(t('state.quality'), res));
  const items = res.data.reports ?? [];
  if (!items.length) return box.replaceChildren(unavailable(t('state.quality'), null));
  box.replaceChildren(table([t('col.domain'), t('quality.completeness'), t('quality.timeliness'), t('quality.issues')],
    items.map((q) => [domainName(q.dataset), pct(q.completeness), pct(q.timeliness),
      h('span', { title: (q.issues ?? []).map((i) => i.message).join('\n') }, String((q.issues ?? []).filter((i) => i.severity !== 'INFO').length))]), { numeric: [1, 2, 3] }));
}
