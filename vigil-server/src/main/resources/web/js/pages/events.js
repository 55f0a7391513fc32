// Documents and events: filters by date, domain and state; events newest first, paged, with their
// PLOVER categories in words; the map of the page's events; the documents found.
import { optional } from '../api.js';
import { chart } from '../charts.js';
import { dayRange } from '../datefield.js';
import { card, h, pager, sourceOf, synthMark, table, unavailable } from '../dom.js';
import { DOMAINS, date, domainName, getLang, label, nameOf, ploverName, t } from '../i18n.js';
import { albers, loadMap } from '../map.js';
import { areaByCode, states } from '../ref.js';

const PAGE = 25;

export async function render(view, { query }) {
  const [members, areas] = await Promise.all([states(), areaByCode(), loadMap()]);
  const v = (k, d = '') => query.get(k) ?? d;
  // The URL keeps the days in ISO; the fields show them in the page's language.
  const days = dayRange('ev', { from: v('from'), to: v('to') });
  const { from, to } = days;
  const area = h('select', { id: 'ev-area' }, h('option', { value: '' }, t('ev.allStates')), members.map((a) => h('option', { value: a.code, selected: a.code === v('area') }, nameOf(a))));
  const domain = h('select', { id: 'ev-domain' }, h('option', { value: '' }, t('ev.allDomains')), Object.keys(DOMAINS).map((d) => h('option', { value: d, selected: d === v('domain') }, domainName(d))));
  const q = h('input', { type: 'search', id: 'ev-q', value: v('q') });
  const params = (offset, range = { from: v('from'), to: v('to') }) => {
    const p = new URLSearchParams({ ...range, area: area.value, domain: domain.value, q: q.value, offset });
    [...p.keys()].forEach((k) => { if (!p.get(k) || (k === 'offset' && p.get(k) === '0')) p.delete(k); });
    return p;
  };
  const apply = (ev) => {
    ev.preventDefault();
    const range = days.read();
    if (range) location.hash = `#/events?${params(0, range)}`;
  };
  const mapEl = h('div', { class: 'chart map', id: 'event-map' });
  const eventsBox = h('div', { id: 'event-list' }, h('p', { class: 'loading' }, t('loading')));
  const docsBox = h('div', { id: 'document-list' });
  view.replaceChildren(h('h1', {}, t('ev.title')),
    h('form', { class: 'inline', onsubmit: apply },
      h('label', { for: 'ev-q' }, t('ev.search'), q), h('label', { for: 'ev-from' }, t('ev.from'), from), h('label', { for: 'ev-to' }, t('ev.to'), to),
      h('label', { for: 'ev-area' }, t('col.state'), area), h('label', { for: 'ev-domain' }, t('col.domain'), domain),
      h('button', { class: 'primary', type: 'submit' }, t('ev.apply')), days.message),
    card(t('ev.events'), eventsBox),
    h('div', { class: 'grid two' }, card(t('ev.map'), mapEl), card(t('ev.documents'), docsBox)));
  const offset = Math.max(0, parseInt(v('offset', '0'), 10) || 0);
  const [evRes, docRes] = await Promise.all([
    optional('/api/events', { from: v('from'), to: v('to'), area: area.value, domain: domain.value, order: 'newest', limit: PAGE, offset }),
    optional('/api/documents', { q: q.value, area: area.value, domain: domain.value, limit: 20 })]);
  if (evRes.ok) {
    const items = evRes.data.items ?? [];
    eventsBox.replaceChildren(
      items.length ? table([t('col.date'), t('col.state'), t('col.category'), t('col.fatalities'), t('col.domain'), t('col.summary')],
        items.map((e) => [date(e.date), nameOf(areas.get(e.area)) || e.area, ploverName(e.ploverCategory), String(e.fatalities), domainName(e.domain),
          [summary(e, areas), synthMark(e, 'synthetic.text.note')]]),
        { numeric: [3], id: 'event-table' }) : h('p', { class: 'muted' }, t('ev.none')),
      pager({ total: evRes.data.total ?? items.length, limit: PAGE, offset, id: 'event-pager', onPage: (o) => { location.hash = `#/events?${params(o)}`; } }));
    drawMap(chart(mapEl), items, areas);
  } else {
    eventsBox.replaceChildren(unavailable(t('ev.events'), evRes));
  }
  if (docRes.ok) {
    const docs = docRes.data.items ?? [];
    docsBox.replaceChildren(docs.length ? h('ul', { class: 'plain' }, docs.map((d) => h('li', {},
      h('strong', { translate: 'no', class: 'code' }, d.title || d.source), h('br'),
      h('span', { class: 'muted' }, `${date(d.published)} · `, sourceOf(d), ` · ${label('lang', d.language)} · ${(d.domains || []).map(domainName).join(', ')}`))))
      : h('p', { class: 'muted' }, t('ev.noDocuments')));
  } else {
    docsBox.replaceChildren(unavailable(t('ev.documents'), docRes));
  }
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}

/** The recorded summary in English; in Russian a sentence from the coded fields. */
function summary(e, areas) {
  if (getLang() === 'en') return e.summary;
  const actors = [...new Set(e.actorTypes ?? [])].map((a) => label('actor', a.replace(/\s+/g, '_'))).join(', ');
  return t('ev.summary', { category: ploverName(e.ploverCategory).toLowerCase(), area: nameOf(areas.get(e.area)), n: e.fatalities })
    + (actors ? ` ${t('ev.actors', { actors })}` : '');
}

function drawMap(c, items, areas) {
  const pts = items.filter((e) => typeof e.latitude === 'number' && typeof e.longitude === 'number');
  c.setOption({
    tooltip: { trigger: 'item', formatter: (p) => p.data?.summary ?? p.name },
    geo: { map: 'cis', projection: albers, roam: true, itemStyle: { areaColor: '#eef2f7', borderColor: '#777' }, label: { show: false } },
    series: [{ type: 'scatter', coordinateSystem: 'geo', symbolSize: (v) => 6 + Math.min(14, v[2] * 2),
      data: pts.map((e) => ({ value: [e.longitude, e.latitude, e.fatalities], name: nameOf(areas.get(e.area)), summary: `${date(e.date)} · ${ploverName(e.ploverCategory)} · ${summary(e, areas)}` })),
      itemStyle: { color: '#c0392b', opacity: 0.75 } }],
  });
}
