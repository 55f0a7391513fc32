// Indicator explorer: history, forecast fan with its model, anomalies, trend, vintages, compare,
// per capita, download.
import { api, optional } from '../api.js';
import { chart } from '../charts.js';
import { card, h, synthMark, unavailable } from '../dom.js';
import { dateTime, domainName, nameOf, num, period, t } from '../i18n.js';
import { allIndicators, areaByCode, states } from '../ref.js';
import { anomalyRows } from '../shapes.js';

export async function render(view, { query }) {
  const [indicators, members, areas] = await Promise.all([allIndicators(), states(), areaByCode()]);
  const code = query.get('code') || indicators.find((i) => i.frequency === 'MONTHLY')?.code || indicators[0]?.code;
  const chosen = (query.get('areas') || members[0]?.code || '').split(',').filter(Boolean);
  const ind = indicators.find((i) => i.code === code);
  const indSelect = h('select', { id: 'ind-code' }, groupByDomain(indicators).map(([d, list]) =>
    h('optgroup', { label: domainName(d) }, list.map((i) => h('option', { value: i.code, selected: i.code === code }, nameOf(i) + (i.synthetic ? ' ◆' : ''))))));
  const areaSelect = h('select', { id: 'ind-areas', multiple: true, size: 5 },
    members.map((a) => h('option', { value: a.code, selected: chosen.includes(a.code) }, nameOf(a))));
  const perCapita = h('input', { type: 'checkbox', id: 'ind-percapita', checked: query.get('pc') === '1' });
  const go = () => {
    const sel = [...areaSelect.selectedOptions].map((o) => o.value);
    location.hash = `#/indicator?code=${encodeURIComponent(indSelect.value)}&areas=${encodeURIComponent(sel.join(','))}${perCapita.checked ? '&pc=1' : ''}`;
  };
  indSelect.addEventListener('change', go);
  areaSelect.addEventListener('change', go);
  perCapita.addEventListener('change', go);
  const chartEl = h('div', { class: 'chart tall', id: 'ind-chart', role: 'img', 'aria-label': t('ind.history') });
  const info = h('div', { id: 'ind-info' });
  const vintageBox = h('div', { class: 'controls' });
  const download = h('a', { id: 'ind-download', href: `/api/export?indicator=${encodeURIComponent(code)}&format=csv${chosen.length === 1 ? `&area=${chosen[0]}` : ''}`, download: '' }, t('ind.download'));
  view.replaceChildren(h('h1', {}, t('ind.title')),
    card(nameOf(ind) ?? code,
      h('div', { class: 'controls' },
        h('label', { for: 'ind-code' }, t('ind.indicator'), indSelect),
        h('label', { for: 'ind-areas' }, t('ind.areas'), areaSelect),
        h('label', { class: 'check', for: 'ind-percapita' }, perCapita, t('ind.perCapita')),
        download),
      h('p', { class: 'muted' }, domainName(ind?.domain), ' · ', ind?.unit || '', synthMark(ind)),
      vintageBox, chartEl, info));
  if (!ind || !chosen.length) return;

  const c = chart(chartEl);
  const draw = async (asOf) => {
    const series = await Promise.all(chosen.map((a) => api('/api/series', { query: { indicator: code, area: a, asOf } })));
    let note = null;
    if (perCapita.checked) {
      const pops = await Promise.all(chosen.map((a) => optional('/api/series', { indicator: 'POPULATION', area: a })));
      if (pops.some((p) => !p.ok || !p.data.observations.length)) note = h('p', { class: 'unavailable' }, t('ind.noPopulation'));
      else series.forEach((s, i) => perMillion(s, pops[i].data));
    }
    const single = chosen.length === 1 && !perCapita.checked;
    drawChart(c, series, areas, null, []);
    info.replaceChildren(note ?? '');
    view.dataset.rendered = 'true';
    if (!single) return series;
    // Forecast and trend first (quick), then anomalies (a refit per checked value): each redraws.
    const [fc, tr] = await Promise.all([
      optional('/api/forecast', { indicator: code, area: chosen[0], h: 12 }),
      optional('/api/analytics/trends', { indicator: code, area: chosen[0] })]);
    drawChart(c, series, areas, fc.ok ? fc.data : null, []);
    info.replaceChildren(...details(fc, null, tr, areas.get(chosen[0])));
    optional('/api/analytics/anomalies', { indicator: code, area: chosen[0] }).then((an) => {
      drawChart(c, series, areas, fc.ok ? fc.data : null, an.ok ? anomalyRows(an.data) : []);
      if (!an.ok) info.append(unavailable(t('ind.anomaly'), an));
    });
    return series;
  };
  const first = await draw(undefined);
  vintages(vintageBox, first, draw);
}

function groupByDomain(list) {
  const m = new Map();
  list.forEach((i) => { if (!m.has(i.domain)) m.set(i.domain, []); m.get(i.domain).push(i); });
  return [...m.entries()];
}

function perMillion(series, population) {
  const pop = new Map(population.observations.filter((o) => o.value !== null).map((o) => [o.period.slice(0, 4), o.value]));
  const years = [...pop.keys()].sort();
  series.observations = series.observations.map((o) => {
    const y = o.period.slice(0, 4);
    const usable = years.filter((x) => x <= y).pop() ?? years[0];
    return { ...o, value: o.value === null ? null : o.value / pop.get(usable) };
  });
  series.unit = `${series.unit} / 1M`;
}

function drawChart(c, series, areas, forecast, anomalies) {
  const periods = [...new Set(series.flatMap((s) => s.observations.map((o) => o.period)))].sort();
  const fcPoints = forecastPoints(forecast);
  const axis = [...periods, ...fcPoints.map((p) => p.period).filter((p) => !periods.includes(p))];
  const at = (map, p) => (map.has(p) ? map.get(p) : null);
  const out = series.map((s) => {
    const m = new Map(s.observations.map((o) => [o.period, o.value]));
    return { type: 'line', name: nameOf(areas.get(s.area)) || s.area, showSymbol: false, data: axis.map((p) => at(m, p)), connectNulls: false,
      markPoint: series.length === 1 && anomalies.length ? { symbol: 'circle', symbolSize: 12, itemStyle: { color: '#c0392b' },
        label: { show: false }, data: anomalies.filter((a) => m.has(a.period)).map((a) => ({ name: t('ind.anomaly'), coord: [a.period, a.value], value: num(a.value) })) } : undefined };
  });
  if (fcPoints.length) {
    const f = new Map(fcPoints.map((p) => [p.period, p]));
    const band = (lo, hi, name, color) => [
      { type: 'line', stack: name, name, data: axis.map((p) => (f.has(p) ? f.get(p)[lo] : null)), lineStyle: { opacity: 0 }, showSymbol: false, silent: true, tooltip: { show: false } },
      { type: 'line', stack: name, name, data: axis.map((p) => (f.has(p) ? f.get(p)[hi] - f.get(p)[lo] : null)), lineStyle: { opacity: 0 }, showSymbol: false, areaStyle: { color }, tooltip: { show: false } }];
    out.push(...band('l95', 'u95', t('ind.band95'), 'rgba(231,76,60,0.18)'), ...band('l80', 'u80', t('ind.band80'), 'rgba(231,76,60,0.32)'),
      { type: 'line', name: t('ind.forecast'), data: axis.map((p) => (f.has(p) ? f.get(p).mean : null)), lineStyle: { type: 'dashed', color: '#c0392b' }, itemStyle: { color: '#c0392b' }, showSymbol: false });
  }
  c.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => num(v, 2) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 60, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: axis, axisLabel: { formatter: (p) => period(p) } },
    yAxis: { type: 'value', name: series[0]?.unit || '', axisLabel: { formatter: (v) => num(v, 2) } },
    dataZoom: [{ type: 'inside' }],
    series: out,
  }, true);
}

/** Forecast JSON to points with mean and 80%/95% bounds; accepts quantile maps or arrays. */
function forecastPoints(f) {
  if (!f) return [];
  const pts = f.points ?? f.forecast ?? f.items ?? [];
  if (Array.isArray(pts) && pts.length && typeof pts[0] === 'object') {
    return pts.map((p) => {
      const q = p.quantiles ?? {};
      const g = (k, ...alts) => [p[k], ...alts.map((a) => q[a])].find((x) => typeof x === 'number');
      return { period: p.period, mean: g('mean', '0.5') ?? p.point ?? p.median, l80: g('lower80', '0.1'), u80: g('upper80', '0.9'), l95: g('lower95', '0.025'), u95: g('upper95', '0.975') };
    }).filter((p) => [p.mean, p.l80, p.u80, p.l95, p.u95].every((x) => typeof x === 'number'));
  }
  if (Array.isArray(f.periods) && f.quantiles) {
    const q = f.quantiles;
    return f.periods.map((period, i) => ({ period, mean: (f.points ?? q['0.5'])[i], l80: q['0.1'][i], u80: q['0.9'][i], l95: q['0.025'][i], u95: q['0.975'][i] }));
  }
  return [];
}

function details(fc, an, tr, area) {
  const out = [];
  out.push(h('h2', {}, t('ind.forecastFor', { area: nameOf(area) })));
  if (fc?.ok && forecastPoints(fc.data).length) out.push(h('p', { id: 'ind-model' }, t('ind.model', { m: fc.data.model ?? fc.data.method ?? '?' })));
  else out.push(unavailable(t('ind.forecast'), fc?.ok ? null : fc));
  out.push(h('h2', {}, t('ind.trend')));
  out.push(tr?.ok ? h('p', { id: 'ind-trend' }, tr.data.statement) : unavailable(t('ind.trend'), tr));
  if (an && !an.ok) out.push(unavailable(t('ind.anomaly'), an));
  return out;
}

function vintages(box, series, draw) {
  const times = [...new Set(series.flatMap((s) => s.observations.map((o) => o.recordedAt)))].filter(Boolean).sort();
  if (!times.length) return;
  const label = h('output', { id: 'ind-asof-label' }, t('ind.latestVintage'));
  const slider = h('input', { type: 'range', id: 'ind-asof', min: 0, max: times.length - 1, value: times.length - 1, step: 1, 'aria-valuetext': t('ind.latestVintage') });
  slider.addEventListener('change', () => {
    const i = +slider.value;
    const latest = i === times.length - 1;
    label.textContent = latest ? t('ind.latestVintage') : dateTime(times[i]);
    slider.setAttribute('aria-valuetext', label.textContent);
    draw(latest ? undefined : times[i]);
  });
  box.replaceChildren(h('label', { for: 'ind-asof' }, t('ind.asOf'), slider), label, h('span', { class: 'muted' }, t('ind.vintages', { n: times.length })));
}
