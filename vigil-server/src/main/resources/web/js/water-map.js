// A basin as a schematic map: an ECharts graph with fixed positions, upstream at the top and the
// outlet at the bottom. A node's row is its longest distance from a source (so every arrow points
// down); its column follows the main stem: walking up from each outlet, a node keeps the column of
// the node below it for the branch that carries the most water (sum of the sources' mean annual
// inflows above it), and every other branch takes a new column, alternately left and right.
import { count, label, locale, num, pct, t } from './i18n.js';
import { nodeName, stateName } from './water-words.js';

const KIND_STYLE = {
  SOURCE: { symbol: 'triangle', symbolSize: 16, color: '#3a86c8' },
  RESERVOIR: { symbol: 'rect', symbolSize: [22, 14], color: '#1f4e79' },
  ENV_FLOW: { symbol: 'diamond', symbolSize: 18, color: '#2e7d32' },
  OUTLET: { symbol: 'roundRect', symbolSize: [30, 12], color: '#4f9a94' },
};
/** Withdrawal colours by state, in the basin's order of states. */
const STATE_COLORS = ['#c0392b', '#8e44ad', '#d35400', '#b8860b', '#16a085', '#7f8c8d'];

/** Every node of a basin detail (GET /api/water/basins/{code}) with its kind. */
export function basinNodes(b) {
  return [
    ...b.sources.map((s) => ({ ...s, kind: 'SOURCE' })),
    ...b.reservoirs.map((r) => ({ ...r, kind: 'RESERVOIR' })),
    ...b.withdrawals.map((w) => ({ ...w, kind: 'WITHDRAWAL' })),
    { ...b.envFlow, kind: 'ENV_FLOW' },
    ...b.outlets.map((o) => ({ name: o, kind: 'OUTLET' })),
  ];
}

/** Row (depth from the sources) and column of each node; see the file's opening comment. */
export function layout(nodes, links) {
  const up = new Map(nodes.map((n) => [n.name, []]));
  const down = new Map(nodes.map((n) => [n.name, []]));
  links.forEach((l) => { up.get(l.to)?.push(l.from); down.get(l.from)?.push(l.to); });
  const annual = new Map(nodes.map((n) => [n.name, n.kind === 'SOURCE' ? n.annual : 0]));
  const depth = new Map();
  const depthOf = (n) => {
    if (!depth.has(n)) {
      depth.set(n, 0);
      depth.set(n, up.get(n).length ? 1 + Math.max(...up.get(n).map(depthOf)) : 0);
    }
    return depth.get(n);
  };
  const water = new Map();
  const waterOf = (n) => {
    if (!water.has(n)) {
      water.set(n, 0);
      water.set(n, annual.get(n) + up.get(n).reduce((s, p) => s + waterOf(p), 0));
    }
    return water.get(n);
  };
  const column = new Map();
  let left = 0;
  let right = 0;
  let side = 1;
  const fresh = () => { side = -side; return side < 0 ? --left : ++right; };
  const place = (n, col) => {
    if (column.has(n)) return;
    column.set(n, col);
    up.get(n).filter((p) => !column.has(p)).sort((a, b) => waterOf(b) - waterOf(a))
      .forEach((p, i) => place(p, i === 0 ? col : fresh()));
  };
  const sinks = nodes.filter((n) => !down.get(n.name).length).sort((a, b) => waterOf(b.name) - waterOf(a.name));
  sinks.forEach((s, i) => { if (!column.has(s.name)) place(s.name, i === 0 ? 0 : fresh()); });
  nodes.forEach((n) => { if (!column.has(n.name)) place(n.name, fresh()); });
  const out = new Map();
  nodes.forEach((n) => out.set(n.name, { row: depthOf(n.name), col: column.get(n.name) - left }));
  return { positions: out, columns: right - left + 1, rows: Math.max(...[...out.values()].map((p) => p.row)) + 1 };
}

/** Totals of a stored run per node and link, for tooltips and widths. */
function runTotals(run) {
  const res = run?.result;
  if (!res || res.status !== 'OPTIMAL') return null;
  const byWithdrawal = new Map();
  (res.deliveries ?? []).forEach((d) => {
    const x = byWithdrawal.get(d.withdrawal) ?? { demand: 0, delivered: 0, shortfall: 0 };
    x.demand += d.demand; x.delivered += d.delivered; x.shortfall += d.shortfall;
    byWithdrawal.set(d.withdrawal, x);
  });
  const storage = new Map();
  (res.storage ?? []).forEach((s) => storage.set(s.reservoir, [...(storage.get(s.reservoir) ?? []), s.storage]));
  const flows = new Map();
  const arrived = new Map();
  (res.flows ?? []).forEach((f) => {
    const key = `${f.from}\u0000${f.to}`;
    const x = flows.get(key) ?? { outflow: 0, loss: 0 };
    x.outflow += f.outflow; x.loss += f.loss;
    flows.set(key, x);
    arrived.set(f.to, (arrived.get(f.to) ?? 0) + f.arrival);
  });
  const inflow = new Map((run.inputs?.network?.nodes ?? []).filter((n) => n.kind === 'SOURCE')
    .map((n) => [n.name, n.inflow.reduce((s, v) => s + v, 0)]));
  return { id: run.id, months: res.months, byWithdrawal, storage, flows, arrived, inflow };
}

function tooltip(n, ctx) {
  const run = ctx.run;
  const lines = [`<b>${esc(nodeName(n.name, ctx.namesRu))}</b>`, esc(label('water.kind', n.kind) + (n.sector ? ` · ${label('water.sector', n.sector)}` : ''))];
  if (n.state) lines.push(esc(t('water.tip.state', { state: stateName(n.state, ctx.areas) })));
  const id = run ? t('water.runId', { id: run.id }) : '';
  if (n.kind === 'SOURCE') {
    lines.push(esc(t('water.tip.meanInflow', { v: count(n.annual) })), esc(t('water.tip.peak', { month: monthName(n.peakMonth) })));
    if (run?.inflow.has(n.name)) lines.push(esc(t('water.tip.runInflow', { run: id, v: count(run.inflow.get(n.name)), n: run.months })));
  } else if (n.kind === 'RESERVOIR') {
    lines.push(esc(t('water.tip.reservoir', { cap: count(n.capacity), min: count(n.minStorage), init: count(n.initialStorage) })));
    const s = run?.storage.get(n.name);
    if (s?.length) lines.push(esc(t('water.tip.runStorage', { run: id, lo: count(Math.min(...s)), hi: count(Math.max(...s)) })));
  } else if (n.kind === 'WITHDRAWAL') {
    lines.push(esc(t('water.tip.demand', { v: count(n.annual) })));
    const w = run?.byWithdrawal.get(n.name);
    if (w) lines.push(esc(t('water.tip.runDelivered', { run: id, delivered: count(w.delivered), demand: count(w.demand), short: num(w.shortfall, 1) })));
  } else if (n.kind === 'ENV_FLOW') {
    lines.push(esc(t('water.tip.envMin', { v: count(n.annual) })));
  }
  if ((n.kind === 'ENV_FLOW' || n.kind === 'OUTLET') && run?.arrived.has(n.name)) {
    lines.push(esc(t('water.tip.runArrived', { run: id, v: count(run.arrived.get(n.name)) })));
  }
  return lines.join('<br>');
}

function linkTooltip(l, ctx) {
  const run = ctx.run;
  const lines = [`${esc(nodeName(l.from, ctx.namesRu))} → ${esc(nodeName(l.to, ctx.namesRu))}`, esc(t('water.tip.loss', { loss: pct(l.lossFraction) }))];
  if (l.capacity !== null && l.capacity !== undefined) lines.push(esc(t('water.tip.linkCapacity', { v: count(l.capacity) })));
  const f = run?.flows.get(`${l.from}\u0000${l.to}`);
  if (f) lines.push(esc(t('water.tip.runFlow', { run: t('water.runId', { id: run.id }), v: count(f.outflow), lost: count(f.loss) })));
  return lines.join('<br>');
}

function monthName(m) {
  return new Intl.DateTimeFormat(locale(), { month: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2001, m - 1, 1)));
}

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

/** The chart's height in pixels for a basin: one row per step from the sources. */
export function mapHeight(b) {
  return layout(basinNodes(b), b.links).rows * 46 + 90;
}

/**
 * Draws basin b (with its namesRu) on chart c; with a stored run, arrows are as wide as its flows
 * and withdrawals left short get a red ring. Nodes carry their English name as id.
 */
export function drawBasin(c, b, { areas, run }) {
  const nodes = basinNodes(b);
  const { positions, columns, rows } = layout(nodes, b.links);
  const ctx = { namesRu: b.namesRu, areas, run: runTotals(run) };
  const states = [...new Set(b.withdrawals.map((w) => w.state))];
  const kinds = ['SOURCE', 'RESERVOIR', 'ENV_FLOW', 'OUTLET'];
  const categories = [...kinds.map((k) => ({ name: label('water.kind', k), itemStyle: { color: KIND_STYLE[k].color }, symbol: KIND_STYLE[k].symbol })),
    ...states.map((s, i) => ({ name: t('water.withdrawalsOf', { state: stateName(s, areas) }), itemStyle: { color: STATE_COLORS[i % STATE_COLORS.length] }, symbol: 'circle' }))];
  const index = new Map(nodes.map((n, i) => [n.name, i]));
  const maxFlow = ctx.run ? Math.max(1, ...[...ctx.run.flows.values()].map((f) => f.outflow)) : 1;
  const data = nodes.map((n) => {
    const p = positions.get(n.name);
    const cat = n.kind === 'WITHDRAWAL' ? kinds.length + states.indexOf(n.state) : kinds.indexOf(n.kind);
    const style = n.kind === 'WITHDRAWAL' ? { symbol: n.sector === 'municipal' ? 'emptyCircle' : 'circle', symbolSize: 14 } : KIND_STYLE[n.kind];
    const short = ctx.run?.byWithdrawal.get(n.name)?.shortfall > 0.05;
    return {
      id: n.name, name: nodeName(n.name, b.namesRu), value: [p.col, p.row], category: cat,
      symbol: style.symbol, symbolSize: style.symbolSize, kind: n.kind, state: n.state ?? null,
      itemStyle: short ? { borderColor: '#e00000', borderWidth: 3 } : undefined,
      tooltip: { formatter: () => tooltip(n, ctx) },
    };
  });
  const links = b.links.map((l) => {
    const f = ctx.run?.flows.get(`${l.from}\u0000${l.to}`);
    return {
      source: index.get(l.from), target: index.get(l.to),
      lineStyle: { width: f ? 1 + 7 * Math.sqrt(f.outflow / maxFlow) : 1.6 },
      label: { show: l.lossFraction > 0, formatter: () => pct(l.lossFraction) },
      tooltip: { formatter: () => linkTooltip(l, ctx) },
    };
  });
  const narrow = c.getWidth() / Math.max(columns, 1) < 150;
  // On a hidden cartesian grid: positions are exact and symbols keep their sizes (a graph fitted
  // to its box scales both).
  const hidden = { type: 'value', show: false, splitLine: { show: false } };
  c.setOption({
    tooltip: { trigger: 'item', confine: true, extraCssText: 'max-width: 360px; white-space: normal;' },
    legend: [{ data: categories.map((x) => x.name), bottom: 0, type: 'scroll' }],
    grid: { left: 10, right: narrow ? 100 : 160, top: 16, bottom: 56 },
    xAxis: { ...hidden, min: -0.4, max: columns - 0.6 },
    yAxis: { ...hidden, inverse: true, min: -0.4, max: rows - 0.6 },
    animation: false,
    series: [{
      type: 'graph', id: 'basin', coordinateSystem: 'cartesian2d', roam: false, categories, data, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7,
      lineStyle: { color: '#7a9cc6', opacity: 0.9, curveness: 0 },
      label: { show: true, position: 'right', fontSize: 11, width: narrow ? 100 : 160, overflow: 'break', lineHeight: 13, color: '#1b1b1b' },
      edgeLabel: { fontSize: 10, color: '#5b5b5b', position: 'middle' },
      emphasis: { focus: 'adjacency' },
    }],
  }, true);
}
