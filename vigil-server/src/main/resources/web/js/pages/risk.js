// Risk and priorities: the index by state, drill-down to its drivers, projected risk with bands.
import { optional } from '../api.js';
import { chart } from '../charts.js';
import { card, h, movement, table, unavailable } from '../dom.js';
import { domainName, nameOf, num, t } from '../i18n.js';
import { areaByCode } from '../ref.js';
import { priorityRows, riskRows } from '../shapes.js';

export async function render(view) {
  const areas = await areaByCode();
  const riskBox = h('div', { id: 'risk-table' }, h('p', { class: 'loading' }, t('loading')));
  const drill = h('div', { id: 'risk-drill' });
  const projEl = h('div', { class: 'chart', id: 'risk-projection' });
  const projNote = h('div');
  const prioBox = h('div');
  view.replaceChildren(h('h1', {}, t('risk.title')),
    h('div', { class: 'grid' }, card(t('risk.index'), riskBox), card(t('risk.drill'), drill)),
    h('div', { class: 'grid' }, card(t('risk.projected'), projEl, projNote), card(t('dash.priorities'), prioBox)));
  const [res, prio] = await Promise.all([optional('/api/risk'), optional('/api/priorities')]);
  if (!res.ok) {
    riskBox.replaceChildren(unavailable(t('risk.index'), res));
    drill.replaceChildren(unavailable(t('risk.drill'), res));
    projEl.remove();
    projNote.replaceChildren(unavailable(t('risk.projected'), res));
  } else {
    const rows = riskRows(res.data).sort((a, b) => b.score - a.score);
    const show = (r) => drill.replaceChildren(h('h2', {}, nameOf(areas.get(r.area))), r.drivers.length
      ? table([t('col.driver'), t('col.weight'), t('col.contribution')], r.drivers.map((d) => [d.name ?? d.node ?? d.indicator ?? '', num(d.weight, 2), num(d.contribution ?? d.value)]), { numeric: [1, 2] })
      : unavailable(t('risk.drill'), null));
    riskBox.replaceChildren(table([t('col.state'), t('col.score'), ''], rows.map((r) => [nameOf(areas.get(r.area)) || r.area, num(r.score),
      h('button', { type: 'button', onclick: () => show(r) }, t('details'))]), { numeric: [1] }));
    if (rows[0]) show(rows[0]);
    projection(chart(projEl), res.data, areas, projNote);
  }
  prioBox.replaceChildren(prio.ok && priorityRows(prio.data).length
    ? table([t('col.rank'), t('col.domain'), t('col.score'), t('col.move')], priorityRows(prio.data).map((r) => [String(r.rank), domainName(r.domain), num(r.score), movement(r.movement)]), { numeric: [0, 2] })
    : unavailable(t('dash.priorities'), prio.ok ? null : prio));
  view.dataset.rendered = 'true';
}

function projection(c, data, areas, note) {
  const states = (Array.isArray(data) ? data : data.states ?? data.items ?? []).filter((s) => Array.isArray(s.projections) && s.projections.length);
  if (!states.length) { note.replaceChildren(unavailable(t('risk.projected'), null)); return; }
  const names = states.map((s) => nameOf(areas.get(s.area)) || s.area);
  const horizons = [...new Set(states.flatMap((s) => s.projections.map((p) => p.horizon)))].sort((a, b) => a - b);
  c.setOption({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 90, right: 20, top: 10, bottom: 50 },
    yAxis: { type: 'category', data: names }, xAxis: { type: 'value', min: 0, max: 100 },
    series: horizons.flatMap((hz) => [
      { type: 'bar', name: `+${hz}`, data: states.map((s) => s.projections.find((p) => p.horizon === hz)?.median ?? null) },
      { type: 'custom', name: `+${hz}`, renderItem: (params, api) => {
        const lo = api.coord([api.value(1), api.value(0)]); const hi = api.coord([api.value(2), api.value(0)]);
        return { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: { stroke: '#333', lineWidth: 2 } };
      }, data: states.map((s, i) => { const p = s.projections.find((x) => x.horizon === hz); return [i, p?.lower ?? null, p?.upper ?? null]; }) }]),
  });
}
