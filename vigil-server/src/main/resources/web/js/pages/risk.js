// Risk and priorities: the score by state, drill-down from the composite to domains and drivers,
// projected risk with bands, and the ranked priorities.
import { optional } from '../api.js';
import { chart } from '../charts.js';
import { card, h, movement, table, unavailable } from '../dom.js';
import { domainName, DOMAINS, label, nameOf, num, period, score, scoreChange, t } from '../i18n.js';
import { areaByCode, indicatorByCode } from '../ref.js';
import { coverageText, domainCell, domainsText, priorityRows, projections, riskRows, withRestrictedNote } from '../shapes.js';
import { driverName } from './dashboard.js';

export async function render(view) {
  const [areas, indicators] = await Promise.all([areaByCode(), indicatorByCode()]);
  const riskBox = h('div', { id: 'risk-table' }, h('p', { class: 'loading' }, t('dash.computing')));
  const drill = h('div', { id: 'risk-drill' });
  const domainSelect = h('select', { id: 'risk-proj-domain' }, Object.keys(DOMAINS).map((d) => h('option', { value: d }, domainName(d))));
  const projEl = h('div', { class: 'chart', id: 'risk-projection' });
  const projNote = h('div');
  const prioBox = h('div', {}, h('p', { class: 'loading' }, t('loading')));
  view.replaceChildren(h('h1', {}, t('risk.title')),
    h('div', { class: 'grid' }, card(t('risk.index'), riskBox), card(t('risk.drill'), drill)),
    h('div', { class: 'grid' }, card(t('risk.projected'), h('label', { for: 'risk-proj-domain' }, t('col.domain'), domainSelect), projEl, projNote),
      card(t('dash.priorities'), prioBox)));
  view.dataset.rendered = 'true';
  const [res, prio] = await Promise.all([optional('/api/analytics/risk'), optional('/api/analytics/priorities')]);
  if (!res.ok) {
    [riskBox, drill, projNote].forEach((b) => b.replaceChildren(unavailable(t('risk.index'), res)));
  } else {
    const rows = riskRows(res.data).sort((a, b) => b.score - a.score);
    const show = (r) => drill.replaceChildren(h('h2', {}, `${nameOf(areas.get(r.area))} · ${period(res.data.period)}`), withRestrictedNote(r),
      table([t('col.domain'), t('risk.score10'), t('col.band'), t('col.driver')], Object.values(r.domains).sort((a, b) => b.score - a.score).map((s) => [
        domainCell(s), score(s.score), `${score(s.lower)}–${score(s.upper)}`,
        h('ul', { class: 'plain' }, (s.drivers ?? []).filter((d) => d.contribution > 0).map((d) => h('li', {}, `${driverName(d, indicators)}: ${num(d.contribution, 2)}`)))]), { numeric: [1] }));
    riskBox.replaceChildren(h('p', { class: 'muted' }, `${t('risk.scale')} (${t('risk.composite')}), ${period(res.data.period)}`), coverageText(res.data) ?? '',
      table([t('col.state'), t('risk.score10'), t('col.changeScore'), t('col.covers'), ''], rows.map((r) => [nameOf(areas.get(r.area)) || r.area,
        h('span', { class: 'composite', 'data-area': r.area, 'data-score': String(r.score) }, score(r.score)), scoreChange(r.change), domainsText(r),
        h('button', { type: 'button', class: 'risk-details', onclick: () => show(r) }, t('risk.drivers'))]), { numeric: [1, 2], id: 'risk-composites' }));
    if (rows[0]) show(rows[0]);
    const c = chart(projEl);
    const draw = () => projection(c, res.data, domainSelect.value, areas, projNote);
    domainSelect.addEventListener('change', draw);
    draw();
  }
  const prioTable = (rows, rank, id) => table([t('col.rank'), t('col.domain'), t('col.state'), t('risk.score10'), t('col.trend')],
    rows.map((r) => [rank(r), domainName(r.domain), nameOf(areas.get(r.area)) || r.area, score(r.score), movement(r.movement)]), { numeric: [0, 3], id });
  const apart = prio.ok ? priorityRows(prio.data, 'restricted') : [];
  prioBox.replaceChildren(prio.ok && priorityRows(prio.data).length
    ? h('div', {}, coverageText(prio.data) ?? '', prioTable(priorityRows(prio.data), (r) => String(r.rank), 'priority-table'),
      ...(apart.length ? [h('h2', {}, t('prio.restrictedTitle')), h('p', { class: 'muted' }, t('prio.restrictedNote')), prioTable(apart, () => '—', 'priority-restricted')] : []))
    : unavailable(t('dash.priorities'), prio.ok ? null : prio));
  view.dataset.complete = 'true';
}

function projection(c, data, domain, areas, note) {
  const now = riskRows(data, domain).sort((a, b) => b.score - a.score);
  const ahead = projections(data, domain);
  const horizons = [...new Set(ahead.map((p) => p.horizon))].sort((a, b) => a - b);
  note.replaceChildren(ahead.length ? h('p', { class: 'muted' }, t('risk.bandsNote')) : unavailable(t('risk.projected'), null));
  const names = now.map((r) => nameOf(areas.get(r.area)) || r.area);
  const series = [{ type: 'bar', name: period(data.period), data: now.map((r) => r.score) }];
  for (const hz of horizons) {
    const by = new Map(ahead.filter((p) => p.horizon === hz).map((p) => [p.area, p]));
    series.push({ type: 'bar', name: t('risk.inMonths', { n: hz }), data: now.map((r) => by.get(r.area)?.score ?? null) });
    series.push({ type: 'custom', name: t('risk.band90', { n: hz }), itemStyle: { color: '#222' }, renderItem: (params, api) => {
      const lo = api.coord([api.value(1), api.value(0)]);
      const hi = api.coord([api.value(2), api.value(0)]);
      const off = (params.seriesIndex - 1) * 4 - 2;
      return { type: 'line', shape: { x1: lo[0], y1: lo[1] + off, x2: hi[0], y2: hi[1] + off }, style: { stroke: '#222', lineWidth: 2 } };
    }, data: now.map((r, i) => [i, by.get(r.area)?.lower ?? null, by.get(r.area)?.upper ?? null]) });
  }
  c.setOption({ tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 10, right: 24, top: 10, bottom: 60, containLabel: true },
    yAxis: { type: 'category', data: names, inverse: true }, xAxis: { type: 'value', min: 0, max: 10, name: t('risk.score10'), nameLocation: 'middle', nameGap: 26 }, series }, true);
}
