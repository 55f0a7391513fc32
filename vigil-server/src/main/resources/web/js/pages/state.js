// State profile: risk by domain with drivers, key indicators with sparklines, the state's latest
// events, its programme KPIs, and data quality. Opens on the user's own state.
import { optional } from '../api.js';
import { card, h, sparkline, synthMark, table, unavailable } from '../dom.js';
import { change, changePct, date, domainName, getLang, label, nameOf, pct, period, ploverName, score, scoreChange, t, unitName, value } from '../i18n.js';
import { allAreas, homeState, indicatorByCode, latestOf, states } from '../ref.js';
import { coverageText, domainCell, domainsText, riskRows, withRestrictedNote } from '../shapes.js';
import { driverName, kpiLabel, target } from './dashboard.js';

export async function render(view, { args, me }) {
  const [members, indicators, home] = await Promise.all([states(), indicatorByCode(), homeState(me)]);
  const code = args[0] || home;
  const area = members.find((a) => a.code === code);
  const select = h('select', { id: 'state-code' }, members.map((a) => h('option', { value: a.code, selected: a.code === code }, nameOf(a))));
  select.addEventListener('change', () => { location.hash = `#/state/${select.value}`; });
  const box = (id) => h('div', { id }, h('p', { class: 'loading' }, t('loading')));
  const riskBox = box('state-risk-box');
  const indBox = box('state-indicators');
  const qualityBox = box('state-quality');
  const eventsBox = box('state-events');
  const kpiBox = box('state-kpis');
  const regionBox = box('state-regions');
  view.replaceChildren(h('h1', {}, `${t('state.title')}: ${nameOf(area)}`),
    h('div', { class: 'controls' }, h('label', { for: 'state-code' }, t('state.choose'), select)),
    card(t('state.keyIndicators'), indBox),
    h('div', { class: 'grid' }, card(t('state.riskByDomain'), riskBox), card(t('state.kpis'), kpiBox)),
    h('div', { class: 'grid' }, card(t('state.events'), eventsBox), card(t('state.quality'), qualityBox)),
    card(t('region.title'), regionBox));
  const slow = Promise.all([regions(regionBox, code), risk(riskBox, code, indicators), quality(qualityBox, code, indicators), kpis(kpiBox, code, indicators), events(eventsBox, code)]);
  await keyIndicators(indBox, code, indicators);
  view.dataset.rendered = 'true';
  await slow;
  view.dataset.complete = 'true';
}

async function risk(box, code, indicators) {
  const res = await optional('/api/analytics/risk', { horizon: 1 });
  if (!res.ok) return box.replaceChildren(unavailable(t('risk.index'), res));
  const row = riskRows(res.data).find((r) => r.area === code);
  if (!row) return box.replaceChildren(h('p', { class: 'muted' }, t('dash.noRisk')), coverageText(res.data) ?? '');
  const domains = Object.values(row.domains).filter((s) => typeof s.score === 'number').sort((a, b) => b.score - a.score);
  box.replaceChildren(h('p', {}, `${t('risk.scale')} (${t('risk.composite')}), ${period(res.data.period)}: `, h('strong', { id: 'state-risk', 'data-score': String(row.score) }, score(row.score)),
      ` (${domainsText(row)})`),
    withRestrictedNote(row),
    coverageText(res.data) ?? '',
    table([t('col.domain'), t('risk.score10'), t('col.changeScore'), t('col.driver')], domains.map((s) => [domainCell(s), score(s.score), scoreChange(s.change),
      (s.drivers ?? []).filter((d) => d.contribution > 0).slice(0, 2).map((d) => driverName(d, indicators)).join('; ')]), { numeric: [1, 2] }));
}

async function keyIndicators(box, code, indicators) {
  let list;
  try {
    list = await latestOf(code);
  } catch (e) {
    return box.replaceChildren(unavailable('', { error: e }));
  }
  const rows = list.filter((s) => s.indicator !== 'POPULATION').slice(0, 24).map((s) => {
    const ind = indicators.get(s.indicator);
    const vals = s.recent.map((p) => p.value);
    // Change on the same period a year earlier: 365 days, 52 weeks, 12 months, 4 quarters.
    const back = { DAILY: 365, WEEKLY: 52, MONTHLY: 12, QUARTERLY: 4 }[ind?.frequency] ?? 1;
    const prev = vals.length > back ? vals[vals.length - 1 - back] : null;
    return [
      h('a', { href: `#/indicator?code=${encodeURIComponent(s.indicator)}&areas=${code}` }, ind ? nameOf(ind) : s.indicator), synthMark(ind),
      sparkline(vals, { label: t('state.sparkline', { n: vals.length }) }),
      period(s.latest), value(s.value, ind), yearChange(s.value, prev, ind), unitName(ind?.unit)];
  });
  box.replaceChildren(rows.length ? table([t('col.indicator'), '', t('state.lastValues'), t('col.period'), t('col.latest'), t('col.change'), t('col.unit')], rows, { numeric: [4, 5] })
    : h('p', { class: 'muted' }, t('state.noSeries')));
}

async function quality(box, code, indicators) {
  const res = await optional('/api/analytics/quality', { area: code });
  if (!res.ok) return box.replaceChildren(unavailable(t('state.quality'), res));
  const items = res.data.reports ?? [];
  if (!items.length) return box.replaceChildren(unavailable(t('state.quality'), null));
  box.replaceChildren(table([t('col.domain'), t('quality.completeness'), t('quality.timeliness'), t('quality.issues')],
    items.map((q) => [domainName(q.dataset), pct(q.completeness), pct(q.timeliness),
      h('span', { title: (q.issues ?? []).map((i) => `${label('qualityRule', i.rule)}: ${nameOf(indicators.get(i.indicator)) ?? ''} ${period(i.period)}`).join('\n') },
        String((q.issues ?? []).filter((i) => i.severity !== 'INFO').length))]), { numeric: [1, 2, 3] }));
}

async function events(box, code) {
  const res = await optional('/api/events', { area: code, order: 'newest', limit: 8 });
  if (!res.ok) return box.replaceChildren(unavailable(t('state.events'), res));
  const items = res.data.items ?? [];
  if (!items.length) return box.replaceChildren(h('p', { class: 'muted' }, t('state.noEvents')));
  box.replaceChildren(h('p', { class: 'muted' }, t('ev.total', { n: res.data.total }), ' · ', h('a', { href: `#/events?area=${code}` }, t('state.allEvents'))),
    table([t('col.date'), t('col.category'), t('col.fatalities'), t('col.domain')],
      items.map((e) => [date(e.date), ploverName(e.ploverCategory), String(e.fatalities), domainName(e.domain)]), { numeric: [2] }));
}

async function kpis(box, code, indicators) {
  const list = await optional('/api/programmes');
  if (!list.ok) return box.replaceChildren(unavailable(t('state.kpis'), list));
  const drifts = await Promise.all(list.data.map((p) => optional(`/api/programmes/${encodeURIComponent(p.code)}/drift`).then((d) => [p, d])));
  const rows = drifts.flatMap(([p, d]) => (d.ok ? (d.data.kpis ?? []).filter((k) => k.area === code).map((k) => [p, k]) : []));
  if (!rows.length) return box.replaceChildren(h('p', { class: 'muted' }, t('state.noKpis')));
  box.replaceChildren(table([t('prog.kpi'), t('prog.target'), t('col.latest'), t('col.status'), t('prog.probability')],
    rows.map(([p, k]) => [h('a', { href: `#/programmes?code=${encodeURIComponent(p.code)}` }, kpiLabel(k, indicators)), target(k, indicators),
      Number.isFinite(k.lastValue) ? `${value(k.lastValue, indicators.get(k.indicator))} (${period(k.lastPeriod)})` : '—',
      label('drift', k.status), pct(k.probability)]), { numeric: [4] }));
}

/** The state's regions and their districts, en/ru, with the marks the data carries. */
export async function regions(box, code) {
  const all = await allAreas();
  const list = all.filter((a) => a.parent === code && a.level === 1);
  if (!list.length) return box.replaceChildren(h('p', { class: 'muted' }, t('region.none')));
  const districts = new Map();
  all.filter((a) => a.level === 2).forEach((d) => { if (!districts.has(d.parent)) districts.set(d.parent, []); districts.get(d.parent).push(d); });
  const rows = [];
  const row = (a, depth) => rows.push([
    h('code', {}, a.code),
    // Names the registry gives only in Latin letters are kept as written (proper names).
    h('span', { class: depth ? 'indent' : null, translate: /[A-Za-z]/.test(nameOf(a)) ? 'no' : null }, nameOf(a), areaMarks(a)),
    t(`region.kind.${a.kind}`),
    h('a', { href: `#/indicator?areas=${encodeURIComponent(a.code)}` }, t('region.show'))]);
  list.forEach((r) => { row(r, 0); (districts.get(r.code) ?? []).forEach((d) => row(d, 1)); });
  // The registry's name is a product name: kept as written on a Russian page too.
  const [before, after] = t('region.intro', { source: '\u0001' }).split('\u0001');
  box.replaceChildren(h('p', { class: 'muted' }, before, h('span', { translate: 'no' }, 'Debian iso-codes'), after, ' ', t('region.count', { n: list.length })),
    table([t('region.col.code'), t('region.col.name'), t('region.col.kind'), t('region.col.series')], rows, { id: 'state-region-table' }));
}

/** "◆ synthetic code" for made-up districts; "no Russian name" (in Russian) where the registry has none. */
export function areaMarks(a) {
  const marks = [];
  if (a.synthetic) marks.push(h('span', { class: 'synthetic', title: t('region.synthetic.note') }, ' ', t('region.synthetic')));
  if (a.nameRuFallback && a.level > 0 && getLang() === 'ru') marks.push(h('span', { class: 'muted fallback', title: t('region.ruFallback.note') }, ' (', t('region.ruFallback'), ')'));
  return marks;
}

/**
 * The change on a year earlier: in percentage points for a value in percent (a deficit of 15% of
 * demand after 17.9% fell by 2.9 points, not by "16%"), else relative.
 */
function yearChange(now, prev, ind) {
  if (prev === null || !Number.isFinite(prev)) return '—';
  if ((ind?.unit ?? '').trim().startsWith('%')) return t('state.pointsChange', { v: change(now - prev, 1) });
  return prev !== 0 ? changePct((now - prev) / Math.abs(prev)) : '—';
}
