// Water (issue 12): run an allocation scenario on a demo basin and store it, the stored runs the
// reader may read, one run's monthly allocation and shortfall per state with its binding
// constraints and reliefs, runs side by side, and the basin as a schematic map.
// Route: #/water?basin=CODE&run=ID&compare=ID,ID[,ID]
import { api, optional } from '../api.js';
import { chart } from '../charts.js';
import { card, code as codeEl, errorBox, h, pager, table, unavailable } from '../dom.js';
import { dateTime, getLang, label, locale, modelName, num, pct, period, t } from '../i18n.js';
import { areaByCode } from '../ref.js';
import { drawBasin, mapHeight } from '../water-map.js';
import { basinName, bindingGroups, diagnostic, infeasibility, nodeName, relief, reliefsByState, scenarioStatement, shortfallByState, stateName, stateSeries } from '../water-words.js';
import { compareRuns } from './water-compare.js';

const PAGE_SIZE = 20;
const TOP_RELIEFS = 3;

export async function render(view, { query, me }) {
  const [list, areas] = await Promise.all([optional('/api/water/basins'), areaByCode()]);
  view.replaceChildren(h('h1', {}, t('water.title')), h('p', { class: 'banner-synthetic', id: 'water-synthetic' }, t('water.synthetic')));
  if (!list.ok || !list.data.length) return finish(view, unavailable(t('water.title'), list.ok ? null : list));
  const runId = query.get('run');
  const compareIds = [...new Set((query.get('compare') || '').split(',').filter((x) => /^\d+$/.test(x)))].slice(0, 3);
  const run = runId ? await optional(`/api/water/runs/${encodeURIComponent(runId)}`) : null;
  const code = run?.ok ? run.data.basin : list.data.find((b) => b.code === query.get('basin'))?.code ?? list.data[0].code;
  const basin = await optional(`/api/water/basins/${encodeURIComponent(code)}`);
  const runBox = h('div', { id: 'water-run' });
  const cmpBox = h('div', { id: 'water-compare' });
  const mapBox = h('div', { id: 'water-map-box' });
  const runsCard = storedRuns(list.data, compareIds, runId);
  view.append(runForm(list.data, code, me), runsCard, runBox, cmpBox, mapBox);
  view.dataset.rendered = 'true';
  if (run && !run.ok) runBox.replaceChildren(card(t('water.col.run'), unavailable(t('water.col.run'), run)));
  else if (run) showRun(runBox, run.data, basin.ok ? basin.data : null, areas);
  if (compareIds.length >= 2) await compareRuns(cmpBox, compareIds, basin.ok ? basin.data : null, areas);
  if (!basin.ok) mapBox.replaceChildren(card(t('water.basin'), unavailable(t('water.basin'), basin)));
  else showMap(mapBox, basin.data, run?.ok ? run.data : null, areas);
  await runsCard.ready;
  finish(view);
}

function finish(view, ...content) {
  view.append(...content);
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}

function select(id, options, value) {
  return h('select', { id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

/** The scenario form; shown only to roles that may run one (the server checks again). */
function runForm(basins, code, me) {
  if (!(me.can ?? []).includes('water.run')) {
    return card(t('water.runTitle'), h('p', { class: 'muted', id: 'water-cannot-run', role: 'status' }, t('water.cannotRun')),
      h('label', { for: 'water-basin' }, t('water.basin'), basinSelect(basins, code)));
  }
  const next = new Date();
  next.setUTCMonth(next.getUTCMonth() + 1, 1);
  const basin = basinSelect(basins, code);
  const scenario = select('water-scenario', ['dry', 'normal', 'wet'].map((s) => [s, t(`water.scenario.${s}`)]), 'dry');
  const fairness = select('water-fairness', [['max-min', t('water.fairness.MAX_MIN')], ['proportional', t('water.fairness.PROPORTIONAL')]], 'max-min');
  const start = monthSelect('water-start', next);
  const classification = select('water-classification', ['SHARED', 'NATIONAL', 'PUBLIC'].map((c) => [c, label('classification', c)]), 'SHARED');
  const button = h('button', { class: 'primary', type: 'submit', id: 'water-run-button' }, t('water.run'));
  const status = h('div', { id: 'water-progress', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { id: 'water-form', class: 'controls', onsubmit: async (ev) => {
    ev.preventDefault();
    button.disabled = true;
    const t0 = Date.now();
    const tick = () => status.replaceChildren(h('progress', { class: 'busy' }), h('p', { class: 'muted' }, t('water.running', { s: Math.round((Date.now() - t0) / 1000) })));
    tick();
    const timer = setInterval(tick, 1000);
    try {
      const r = await api('/api/water/runs', { method: 'POST', body: { basin: basin.value, scenario: scenario.value, fairness: fairness.value, start: start.value, months: 12, classification: classification.value } });
      status.replaceChildren(h('p', { class: 'ok' }, t('water.ran', { run: t('water.runId', { id: r.id }) })));
      location.hash = `#/water?run=${r.id}`;
    } catch (e) {
      status.replaceChildren(errorBox(e));
    } finally {
      clearInterval(timer);
      button.disabled = false;
    }
  } },
  h('label', { for: 'water-basin' }, t('water.basin'), basin),
  h('label', { for: 'water-scenario' }, t('water.scenario'), scenario),
  h('label', { for: 'water-fairness' }, t('water.fairness'), fairness),
  h('label', { for: 'water-start' }, t('water.start'), start),
  h('label', { for: 'water-classification' }, t('water.classification'), classification),
  button);
  return card(t('water.runTitle'), form, h('p', { class: 'muted' }, t('water.horizon')), status);
}

/**
 * The first month as a list (two years back to two years ahead of the given month), named in the
 * reader's language: the browser's own month picker speaks the browser's language, not the page's.
 */
function monthSelect(id, selected) {
  const code = (d) => d.toISOString().slice(0, 7);
  const name = new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const options = [];
  for (let k = -24; k <= 24; k++) {
    const d = new Date(Date.UTC(selected.getUTCFullYear(), selected.getUTCMonth() + k, 1));
    options.push([code(d), name.format(d)]);
  }
  return select(id, options, code(selected));
}

function basinSelect(basins, code) {
  const s = select('water-basin', basins.map((b) => [b.code, basinName(b)]), code);
  s.addEventListener('change', () => { location.hash = `#/water?basin=${encodeURIComponent(s.value)}`; });
  return s;
}

/** The stored runs the reader may read, newest first, paged, with boxes to tick for comparison. */
function storedRuns(basins, compareIds, current) {
  const bName = (c) => { const b = basins.find((x) => x.code === c); return b ? basinName(b) : c; };
  const ticked = new Set(compareIds);
  const box = h('div', { id: 'water-runs' }, h('p', { class: 'loading' }, t('loading')));
  const button = h('button', { type: 'button', id: 'water-compare-button', onclick: () => {
    location.hash = `#/water?${current ? `run=${current}&` : ''}compare=${[...ticked].join(',')}`;
  } }, t('water.compareSelected'));
  const sync = () => { button.disabled = ticked.size < 2 || ticked.size > 3; };
  sync();
  const load = async (offset) => {
    const res = await optional('/api/water/runs', { limit: PAGE_SIZE, offset });
    if (!res.ok) return box.replaceChildren(unavailable(t('water.runs'), res));
    if (!res.data.total) return box.replaceChildren(h('p', { class: 'muted' }, t('water.noRuns')));
    const tick = (r) => {
      const cb = h('input', { type: 'checkbox', id: `water-cmp-${r.id}`, checked: ticked.has(String(r.id)), 'aria-label': `${t('water.col.compare')} ${t('water.runId', { id: r.id })}` });
      cb.addEventListener('change', () => { if (cb.checked) ticked.add(String(r.id)); else ticked.delete(String(r.id)); sync(); });
      return cb;
    };
    box.replaceChildren(table([t('water.col.run'), t('water.basin'), t('water.col.scenario'), t('water.col.fairness'), t('water.col.start'), t('water.col.totalShortfall'), t('water.col.owner'), t('water.col.compare')],
      res.data.items.map((r) => [h('a', { href: `#/water?run=${r.id}`, class: 'water-run-link', 'aria-current': String(r.id) === current ? 'true' : null }, t('water.runId', { id: r.id })),
        bName(r.basin), t(`water.scenarioName.${r.scenario}`), t(`water.fairnessShort.${r.fairness}`), period(r.start),
        r.status === 'OPTIMAL' ? num(r.totalShortfall, 0) : label('water.status', r.status), codeEl(r.owner), tick(r)]), { numeric: [5], id: 'water-runs-table' }),
    pager({ total: res.data.total, limit: PAGE_SIZE, offset, onPage: load, id: 'water-runs-pager' }));
  };
  const el = card(t('water.runs'), box, h('div', { class: 'controls' }, button, h('span', { class: 'muted' }, t('water.compareHint'))));
  el.ready = load(0);
  return el;
}

/** One stored run: what it is, its charts, totals, binding constraints and reliefs. */
function showRun(box, r, basin, areas) {
  const res = r.result;
  const namesRu = basin?.namesRu ?? {};
  const ctx = { start: res.start, step: r.inputs?.spec?.reliefStep ?? 0.05, base: shortfallByState(res), namesRu, areas };
  const scenario = r.inputs?.scenario;
  const head = [
    h('p', { class: 'muted', id: 'water-run-meta' }, withCodes(t('water.runMeta', { user: '\u0001', owner: '\u0002', when: dateTime(r.createdAt), classification: label('classification', r.classification) }), [r.createdBy, r.owner])),
    scenario ? h('p', { id: 'water-scenario' }, scenarioStatement(scenario)) : null,
    scenario ? inflowTable(r, namesRu) : null,
  ];
  const title = t('water.runHeading', { run: t('water.runId', { id: r.id }), basin: basin ? basinName(basin) : r.basin,
    scenario: t(`water.scenarioName.${r.scenario}`), fairness: t(`water.fairnessShort.${r.fairness}`), start: period(r.start) });
  if (res.status !== 'OPTIMAL') {
    box.replaceChildren(card(title, ...head, h('div', { id: 'water-infeasible', class: 'error', role: 'status' }, infeasibility(res, ctx).map((s) => h('p', {}, s)))));
    return;
  }
  const allocEl = h('div', { class: 'chart', id: 'water-allocation', role: 'img', 'aria-label': t('water.allocation') });
  const shortEl = h('div', { class: 'chart', id: 'water-shortfall', role: 'img', 'aria-label': t('water.shortfall') });
  box.replaceChildren(card(title, ...head,
    h('div', { class: 'grid' }, h('div', {}, h('h2', {}, t('water.allocation')), allocEl), h('div', {}, h('h2', {}, t('water.shortfall')), shortEl)),
    h('h2', {}, t('water.totals', { n: res.months })), totals(res, areas),
    (res.diagnostics ?? []).length ? h('ul', { class: 'plain muted', id: 'water-diagnostics' }, res.diagnostics.map((d) => h('li', {}, diagnostic(d)))) : null),
  h('div', { class: 'grid' }, card(t('water.binding'), binding(res, ctx)), card(t('water.reliefs'), reliefs(res, ctx))));
  drawStateCharts(chart(allocEl), chart(shortEl), res, areas);
}

/** A text with \u0001, \u0002... standing for codes (user and organisation names) kept as they are. */
function withCodes(text, codes) {
  return text.split(/([\u0001-\u0009])/).map((part) => (/^[\u0001-\u0009]$/.test(part) ? codeEl(codes[part.charCodeAt(0) - 1]) : part));
}

function inflowTable(r, namesRu) {
  const nodes = new Map((r.inputs.network?.nodes ?? []).filter((n) => n.kind === 'SOURCE').map((n) => [n.name, n]));
  const rows = (r.inputs.scenario.models ?? []).map((m) => [nodeName(m.source, namesRu), codeEl(modelName(m.model)),
    num((nodes.get(m.source)?.inflow ?? []).reduce((s, v) => s + v, 0), 0)]);
  return h('details', { id: 'water-inflows' }, h('summary', {}, t('water.inflows')),
    table([t('water.col.source'), t('water.col.model'), t('water.col.inflow', { n: r.months })], rows, { numeric: [2] }));
}

const COLORS = ['#1f4e79', '#c0392b', '#2e7d32', '#b8860b', '#8e44ad', '#16a085'];

function drawStateCharts(alloc, short, res, areas) {
  const { periods, states } = stateSeries(res);
  const axis = { type: 'category', data: periods, axisLabel: { formatter: (p) => period(p), hideOverlap: true } };
  const yAxis = { type: 'value', name: t('water.axisHm'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v) => num(v, 0) } };
  const base = { tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : num(v, 1)) }, legend: { type: 'scroll', bottom: 0 },
    grid: { left: 10, right: 20, top: 36, bottom: 50, containLabel: true }, xAxis: axis, yAxis, animation: false };
  const name = (s) => stateName(s, areas);
  alloc.setOption({ ...base, color: COLORS, series: [
    ...states.map((s) => ({ type: 'bar', id: `delivered-${s.state}`, name: t('water.delivered', { state: name(s.state) }), data: s.delivered })),
    ...states.map((s, i) => ({ type: 'line', id: `demand-${s.state}`, name: t('water.demanded', { state: name(s.state) }), data: s.demand, showSymbol: false,
      lineStyle: { type: 'dashed', color: COLORS[i % COLORS.length] }, itemStyle: { color: COLORS[i % COLORS.length] } }))] }, true);
  short.setOption({ ...base, color: COLORS, series: states.map((s) => ({ type: 'line', id: `shortfall-${s.state}`, name: name(s.state), data: s.shortfall })) }, true);
}

function totals(res, areas) {
  const by = new Map();
  res.states.forEach((s) => {
    const x = by.get(s.state) ?? { demand: 0, delivered: 0, shortfall: 0 };
    x.demand += s.demand; x.delivered += s.delivered; x.shortfall += s.shortfall;
    by.set(s.state, x);
  });
  return table([t('col.state'), t('water.col.demand'), t('water.col.delivered'), t('water.col.shortfall'), t('water.col.shortfallShare'), t('water.col.weight')],
    [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, x]) => [stateName(s, areas), num(x.demand, 0), num(x.delivered, 0), num(x.shortfall, 1),
      pct(x.demand > 0 ? x.shortfall / x.demand : 0), num(res.stateWeights?.[s], 2)]), { numeric: [1, 2, 3, 4, 5], id: 'water-totals' });
}

function binding(res, ctx) {
  const groups = bindingGroups(res.reliefs ?? [], ctx);
  if (!groups.length) return h('p', { class: 'muted' }, t('water.bindingNone'));
  return h('ul', { class: 'plain', id: 'water-binding' }, groups.map((g) => h('li', {}, h('strong', {}, g.text), g.months.length ? `: ${g.months.join(', ')}` : '')));
}

function reliefs(res, ctx) {
  const groups = reliefsByState(res.reliefs ?? [], ctx.base);
  if (!groups.length) return h('p', { class: 'muted' }, t('water.noReliefs'));
  const item = (r) => h('li', { class: 'water-relief', title: getLang() === 'en' ? r.suggestion : null }, relief(r, ctx));
  return h('div', { id: 'water-reliefs' }, h('p', { class: 'muted' }, t('water.reliefsNote', { pct: pct(ctx.step) })), groups.map((g) => {
    const heading = g.state ? t('water.reliefsFor', { state: stateName(g.state, ctx.areas), v: num(g.shortfall, 1) }) : t('water.reliefsOther');
    const top = g.state ? g.reliefs.slice(0, TOP_RELIEFS) : [];
    const rest = g.state ? g.reliefs.slice(TOP_RELIEFS) : g.reliefs;
    return h('section', { class: 'water-relief-group', dataset: { state: g.state ?? '' } }, h('h3', {}, heading),
      top.length ? h('ul', { class: 'plain' }, top.map(item)) : null,
      rest.length ? h('details', {}, h('summary', {}, g.state ? t('water.reliefsMore', { n: rest.length }) : `${heading} (${rest.length})`), h('ul', { class: 'plain' }, rest.map(item))) : null);
  }));
}

function showMap(box, basin, run, areas) {
  const el = h('div', { class: 'chart', id: 'water-map', role: 'img', 'aria-label': t('water.map', { basin: basinName(basin) }), style: `height: ${mapHeight(basin)}px` });
  box.replaceChildren(card(t('water.map', { basin: basinName(basin) }),
    h('p', { class: 'muted' }, t('water.mapNote')),
    run ? h('p', { class: 'muted', id: 'water-map-run' }, t('water.mapRun', { run: t('water.runId', { id: run.id }) })) : null,
    el, h('p', { class: 'synthetic' }, t('synthetic'))));
  drawBasin(chart(el), basin, { areas, run });
}
