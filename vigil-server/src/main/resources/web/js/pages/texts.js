// Open-source texts: full-text search (English and Russian), filters, facets over every match,
// highlighted snippets; a text's view marks what was extracted from it (places, dates,
// quantities, programmes, events, domain evidence). Names were removed before storage.
import { api, optional } from '../api.js';
import { dayRange } from '../datefield.js';
import { card, errorBox, h, pager, sourceOf, table, unavailable } from '../dom.js';
import { PLOVER_CATEGORIES } from '../domains.js';
import { DOMAINS, date, domainName, getLang, label, nameOf, num, ploverName, t, tn } from '../i18n.js';
import { areaByCode, states } from '../ref.js';

const PAGE = 20;
const START = '\uE000';
const END = '\uE001';
const KINDS = ['place', 'date', 'quantity', 'programme', 'event', 'domain'];

export async function render(view, { args, query }) {
  if (args[0]) return renderOne(view, args[0], query);
  const [members, areas] = await Promise.all([states(), areaByCode()]);
  const v = (k, d = '') => query.get(k) ?? d;
  const q = h('input', { type: 'search', id: 'tx-q', value: v('q') });
  // The URL keeps the days in ISO; the fields show them in the page's language.
  const days = dayRange('tx', { from: v('from'), to: v('to') });
  const { from, to } = days;
  const state = h('select', { id: 'tx-state' }, h('option', { value: '' }, t('ev.allStates')),
    members.map((a) => h('option', { value: a.code, selected: a.code === v('state') }, nameOf(a))));
  const domain = h('select', { id: 'tx-domain' }, h('option', { value: '' }, t('ev.allDomains')),
    Object.keys(DOMAINS).map((d) => h('option', { value: d, selected: d === v('domain') }, domainName(d))));
  // Event categories by their label in the page's language, so the list reads in alphabetical order.
  const byLabel = new Intl.Collator(getLang()).compare;
  const category = h('select', { id: 'tx-category' }, h('option', { value: '' }, t('ev.allCategories')),
    [...PLOVER_CATEGORIES].sort((a, b) => byLabel(ploverName(a), ploverName(b)))
      .map((c) => h('option', { value: c, selected: c === v('category').toUpperCase() }, ploverName(c))));
  const params = (over = {}) => {
    const p = new URLSearchParams({ q: q.value, from: v('from'), to: v('to'), state: state.value, domain: domain.value, category: category.value, ...over });
    [...p.keys()].forEach((k) => { if (!p.get(k) || (k === 'offset' && p.get(k) === '0')) p.delete(k); });
    return p;
  };
  const go = (over) => { location.hash = `#/texts?${params(over)}`; };
  const results = h('div', { id: 'text-results' }, h('p', { class: 'loading' }, t('loading')));
  const facets = h('div', { id: 'text-facets' });
  view.replaceChildren(h('h1', {}, t('tx.title')),
    h('form', { class: 'inline', onsubmit: (ev) => { ev.preventDefault(); const range = days.read(); if (range) go({ offset: 0, ...range }); } },
      h('label', { for: 'tx-q' }, t('tx.search'), q), h('label', { for: 'tx-from' }, t('ev.from'), from),
      h('label', { for: 'tx-to' }, t('ev.to'), to), h('label', { for: 'tx-state' }, t('col.state'), state),
      h('label', { for: 'tx-domain' }, t('col.domain'), domain),
      h('label', { for: 'tx-category' }, t('tx.facet.category'), category),
      h('button', { class: 'primary', type: 'submit' }, t('ev.apply')),
      h('a', { href: '#/texts', id: 'tx-clear' }, t('tx.clear')), days.message),
    h('div', { class: 'grid texts' }, card(t('tx.results.title'), results), card(t('tx.facets'), facets)));
  const offset = Math.max(0, parseInt(v('offset', '0'), 10) || 0);
  const res = await optional('/api/texts', { q: q.value, from: v('from'), to: v('to'), state: state.value, domain: domain.value, category: category.value, limit: PAGE, offset });
  if (!res.ok) {
    results.replaceChildren(unavailable(t('tx.title'), res));
  } else {
    const items = res.data.items ?? [];
    results.replaceChildren(h('p', { class: 'muted', role: 'status' }, tn('tx.results', res.data.total)),
      items.length ? h('ol', { class: 'plain hits', start: offset + 1 }, items.map((d) => h('li', { class: 'hit' },
        h('a', { href: `#/texts/${d.id}?${params()}`, class: 'hit-title', lang: d.language }, d.title || d.source),
        h('p', { class: 'snippet', lang: d.language }, marked(d.snippet)),
        h('p', { class: 'muted' }, `${date(d.published)} · `, sourceOf(d),
          ` · ${label('lang', d.language)} · ${(d.states || []).map((s) => nameOf(areas.get(s)) || s).join(', ')}`
          + ` · ${(d.domains || []).map(domainName).join(', ')}`
          + ((d.categories || []).length ? ` · ${d.categories.map(ploverName).join(', ')}` : '')))))
        : h('p', { class: 'muted' }, t('tx.none')),
      pager({ total: res.data.total ?? items.length, limit: PAGE, offset, id: 'text-pager', onPage: (o) => go({ offset: o }) }));
    const f = res.data.facets ?? {};
    const names = { domain: domainName, state: (s) => nameOf(areas.get(s)) || s, category: ploverName, language: (l) => label('lang', l) };
    const param = { domain: 'domain', state: 'state', category: 'category' };
    facets.replaceChildren(...['domain', 'state', 'category', 'language'].map((k) => {
      const entries = Object.entries(f[k] ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
      return h('div', { class: 'facet', id: `facet-${k}` }, h('h3', {}, t(`tx.facet.${k}`)),
        entries.length ? h('ul', { class: 'plain' }, entries.map(([val, n]) => h('li', {},
          param[k] ? h('a', { href: `#/texts?${params({ [param[k]]: val, offset: 0 })}` }, names[k](val)) : names[k](val),
          ` (${n})`))) : h('p', { class: 'muted' }, '—'));
    }));
  }
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}

/** A snippet with the server's highlight marks as <mark> elements (text stays text). */
function marked(snippet) {
  const out = [];
  let rest = snippet ?? '';
  while (rest.length) {
    const s = rest.indexOf(START);
    if (s < 0) { out.push(rest); break; }
    out.push(rest.slice(0, s));
    const e = rest.indexOf(END, s);
    const end = e < 0 ? rest.length : e;
    out.push(h('mark', {}, rest.slice(s + 1, end)));
    rest = rest.slice(end + 1);
  }
  return out;
}

async function renderOne(view, id, query) {
  const areas = await areaByCode();
  let d;
  try {
    d = await api(`/api/texts/${encodeURIComponent(id)}`);
  } catch (e) {
    view.replaceChildren(h('p', {}, h('a', { href: `#/texts?${query}` }, t('tx.back'))), errorBox(e));
    view.dataset.rendered = 'true';
    view.dataset.complete = 'true';
    return;
  }
  const x = d.extraction ?? {};
  const spans = [];
  for (const p of x.places ?? []) spans.push({ kind: 'place', start: p.start, end: p.end, what: nameOf(areas.get(p.place?.iso3)) || p.place?.iso3, conf: p.confidence });
  for (const p of x.dates ?? []) spans.push({ kind: 'date', start: p.start, end: p.end, what: date(p.date), conf: p.confidence });
  for (const p of x.quantities ?? []) spans.push({ kind: 'quantity', start: p.start, end: p.end, what: `${num(p.value, 2)}\u00a0${label('qty', p.unit)}`, conf: p.confidence });
  // A programme mention links to the programme's page in the registry.
  for (const p of x.programmes ?? []) spans.push({ kind: 'programme', start: p.start, end: p.end, what: p.code, conf: p.confidence,
    href: `#/programmes?code=${encodeURIComponent(p.code)}` });
  for (const p of x.events ?? []) spans.push({ kind: 'event', start: p.start, end: p.end, what: `${ploverName(p.category)}${p.mode ? ` (${label('plover.mode', p.mode)})` : ''}`, conf: p.confidence });
  for (const p of x.domains ?? []) for (const e of p.evidence ?? []) spans.push({ kind: 'domain', start: e.start, end: e.end, what: domainName(p.domain), conf: p.confidence });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const text = d.text ?? '';
  const parts = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    parts.push(text.slice(at, s.start));
    const marked = text.slice(s.start, s.end);
    parts.push(h('mark', { class: `ent ent-${s.kind}`, title: `${t(`tx.kind.${s.kind}`)}: ${s.what}` },
      s.href ? h('a', { href: s.href, class: 'programme-link' }, marked) : marked));
    at = s.end;
  }
  parts.push(text.slice(at));
  view.replaceChildren(
    h('p', {}, h('a', { href: `#/texts?${query}`, id: 'tx-back' }, t('tx.back'))),
    h('h1', { lang: d.language }, d.title),
    h('p', { class: 'muted', id: 'tx-meta' }, `${date(d.published)} · `, sourceOf(d), ` · ${label('lang', d.language)} · `,
      t('tx.sources', { n: d.sources }), ` · ${label('classification', d.classification)}`),
    ...(d.analysed ? [] : [h('p', { class: 'muted', role: 'note' }, t('tx.notAnalysed'))]),
    h('div', { class: 'legend', 'aria-label': t('tx.legend') }, KINDS.map((k) => h('span', { class: `ent ent-${k}` }, t(`tx.kind.${k}`)))),
    card(t('col.text'), h('div', { class: 'doc-text', id: 'doc-text', lang: d.language }, parts)),
    card(t('tx.extracted'), spans.length ? table([t('tx.kind'), t('col.value'), t('col.confidence'), t('col.text')],
      spans.map((s) => [t(`tx.kind.${s.kind}`), s.href ? h('a', { href: s.href, class: 'programme-link', translate: 'no' }, s.what) : s.what ?? '',
        num(s.conf ?? 0, 2), text.slice(s.start, s.end)]), { numeric: [2], id: 'extraction-table' })
      : h('p', { class: 'muted' }, t('tx.none'))));
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}
