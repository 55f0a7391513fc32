// Two or three stored water runs side by side: each state's shortfall over the horizon (the
// server's comparison of the first run with each other one) and the monthly shortfall lines.
import { optional } from '../api.js';
import { chart } from '../charts.js';
import { card, h, table, unavailable } from '../dom.js';
import { change, num, pct, period, t } from '../i18n.js';
import { runLabel, stateName, stateSeries } from '../water-words.js';

const COLORS = ['#1f4e79', '#c0392b', '#2e7d32', '#b8860b', '#8e44ad', '#16a085'];
const DASHES = ['solid', 'dashed', 'dotted'];

/** Fills box with runs ids (2 or 3) side by side; a run the reader may not read says so. */
export async function compareRuns(box, ids, _basin, areas) {
  box.replaceChildren(card(t('water.compare'), h('p', { class: 'loading' }, t('loading'))));
  const [runs, pairs] = await Promise.all([
    Promise.all(ids.map((id) => optional(`/api/water/runs/${encodeURIComponent(id)}`))),
    Promise.all(ids.slice(1).map((id) => optional('/api/water/compare', { a: ids[0], b: id })))]);
  const failed = [...runs, ...pairs].find((r) => !r.ok);
  if (failed) {
    box.replaceChildren(card(t('water.compare'), unavailable(t('water.compare'), failed)));
    return;
  }
  const all = runs.map((r) => r.data);
  const chartEl = h('div', { class: 'chart tall', id: 'water-compare-chart', role: 'img', 'aria-label': t('water.compareMonthly') });
  box.replaceChildren(card(t('water.compare'),
    h('h2', {}, t('water.compareTotals')), totalsTable(all, pairs.map((p) => p.data), areas),
    h('h2', {}, t('water.compareMonthly')), chartEl));
  draw(chart(chartEl), all, areas);
}

function totalsTable(runs, pairs, areas) {
  const states = [...new Set(pairs.flatMap((p) => p.states.map((s) => s.state)))].sort();
  const cell = (side) => (side?.shortfall === null || side?.shortfall === undefined ? t('water.compareInfeasible')
    : t('water.compareShare', { v: num(side.shortfall, 1), p: pct(side.relativeShortfall) }));
  const rowOf = (p, s) => p.states.find((x) => x.state === s);
  const headers = [t('col.state'), ...runs.map(runLabel), ...runs.slice(1).map((r) => t('water.compareChange', { b: t('water.runId', { id: r.id }), a: t('water.runId', { id: runs[0].id }) }))];
  const rows = states.map((s) => [stateName(s, areas), cell(rowOf(pairs[0], s)?.a), ...pairs.map((p) => cell(rowOf(p, s)?.b)),
    ...pairs.map((p) => change(rowOf(p, s)?.shortfallChange, 1))]);
  const n = runs.length;
  return table(headers, rows, { numeric: Array.from({ length: 2 * n - 1 }, (_, i) => i + 1), id: 'water-compare-table' });
}

function draw(c, runs, areas) {
  const feasible = runs.filter((r) => r.result?.status === 'OPTIMAL');
  const states = [...new Set(feasible.flatMap((r) => r.result.states.map((s) => s.state)))].sort();
  const periods = [...new Set(feasible.flatMap((r) => stateSeries(r.result).periods))].sort();
  const series = feasible.flatMap((r) => {
    const { periods: own, states: rows } = stateSeries(r.result);
    const dash = DASHES[runs.indexOf(r) % DASHES.length];
    return rows.map((row) => {
      const color = COLORS[states.indexOf(row.state) % COLORS.length];
      const at = new Map(own.map((p, i) => [p, row.shortfall[i]]));
      return { type: 'line', id: `cmp-${r.id}-${row.state}`, name: t('water.compareSeries', { state: stateName(row.state, areas), run: runLabel(r) }),
        data: periods.map((p) => (at.has(p) ? at.get(p) : null)), lineStyle: { type: dash, color }, itemStyle: { color }, symbol: 'circle', symbolSize: 4 };
    });
  });
  c.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : num(v, 1)) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 10, right: 20, top: 36, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: periods, axisLabel: { formatter: (p) => period(p), hideOverlap: true } },
    yAxis: { type: 'value', name: t('water.axisHm'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v) => num(v, 0) } },
    animation: false,
    series,
  }, true);
}
