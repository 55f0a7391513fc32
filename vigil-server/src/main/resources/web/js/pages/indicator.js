// Indicator explorer: opens on the user's state and its most recently updated series the user may
// read. History, forecast fan with its model and a small table, backtest accuracy, anomalies and
// change points, trend, vintages, compare states, per capita, download.
import { api, optional } from '../api.js';
import { chart } from '../charts.js';
import { card, code as codeEl, errorBox, h, multiSelect, synthMark, table, unavailable } from '../dom.js';
import { change, dateTime, domainName, getLang, label, modelName, nameOf, num, pct, period, t, unitName, value } from '../i18n.js';
import { allAreas, allIndicators, areaByCode, homeState, latestOf, states } from '../ref.js';
import { anomalyRows } from '../shapes.js';

export async function render(view, { query, me }) {
  const [indicators, members, areas, home, everyArea] = await Promise.all([allIndicators(), states(), areaByCode(), homeState(me), allAreas()]);
  const chosen = (query.get('areas') || home || '').split(',').filter(Boolean);
  let code = query.get('code');
  let readable = [];
  try {
    readable = await latestOf(chosen[0] ?? home);
  } catch { /* the list below still offers every indicator */ }
  if (!code) code = readable[0]?.indicator || indicators.find((i) => i.frequency === 'MONTHLY')?.code;
  const readableCodes = new Set(readable.map((s) => s.indicator));
  const ind = indicators.find((i) => i.code === code);
  const indSelect = h('select', { id: 'ind-code' }, groupByDomain(indicators).map(([d, list]) =>
    h('optgroup', { label: domainName(d) }, list.map((i) => h('option', { value: i.code, selected: i.code === code },
      nameOf(i) + (i.synthetic ? ' ◆' : '') + (readable.length && !readableCodes.has(i.code) ? ` (${t('ind.noData')})` : ''))))));
  const perCapita = h('input', { type: 'checkbox', id: 'ind-percapita', checked: query.get('pc') === '1' });
  let picked = chosen;
  const go = () => {
    location.hash = `#/indicator?code=${encodeURIComponent(indSelect.value)}&areas=${encodeURIComponent(picked.join(','))}${perCapita.checked ? '&pc=1' : ''}`;
  };
  // Member states first, then their regions and districts, each labelled with the area it lies in.
  const memberCodes = new Set(members.map((a) => a.code));
  const inside = (a) => a.level > 0 && (memberCodes.has(a.parent) || memberCodes.has(areas.get(a.parent)?.parent));
  // A region the registry names only in Latin letters keeps that name on a Russian page (keep:
  // translate="no"), as a proper name.
  const subAreas = everyArea.filter(inside).map((a) => ({ value: a.code, keep: /[A-Za-z]/.test(nameOf(a)),
    label: t('region.areasOption', { region: `${nameOf(a)}${a.synthetic ? ' ◆' : ''}`, state: nameOf(areas.get(a.parent)) }) }));
  const areaSelect = multiSelect({ id: 'ind-areas', options: [...members.map((a) => ({ value: a.code, label: nameOf(a) })), ...subAreas], selected: chosen,
    onChange: (v) => { picked = v; if (v.length) go(); } });
  indSelect.addEventListener('change', go);
  perCapita.addEventListener('change', go);
  const chartEl = h('div', { class: 'chart tall', id: 'ind-chart', role: 'img', 'aria-label': t('ind.history') });
  const info = h('div', { id: 'ind-info', class: 'grid' });
  const vintageBox = h('div', { class: 'controls' });
  const download = h('a', { id: 'ind-download', href: `/api/export?indicator=${encodeURIComponent(code)}&format=csv${chosen.length === 1 ? `&area=${chosen[0]}` : ''}`, download: '' }, t('ind.download'));
  view.replaceChildren(h('h1', {}, t('ind.title')),
    card(ind ? nameOf(ind) : code,
      h('div', { class: 'controls' },
        h('label', { for: 'ind-code' }, t('ind.indicator'), indSelect),
        h('div', { class: 'field' }, h('span', { class: 'field-label' }, t('ind.areas')), areaSelect),
        h('label', { class: 'check', for: 'ind-percapita' }, perCapita, t('ind.perCapita')),
        download),
      h('p', { class: 'muted' }, domainName(ind?.domain), ' · ', t('col.unit'), ': ', unitName(ind?.unit), synthMark(ind)),
      vintageBox, chartEl),
    info);
  if (!ind || !chosen.length) {
    view.dataset.rendered = 'true';
    view.dataset.complete = 'true';
    return;
  }

  const c = chart(chartEl);
  const draw = async (asOf) => {
    const series = await Promise.all(chosen.map((a) => api('/api/series', { query: { indicator: code, area: a, asOf } })));
    let note = null;
    if (perCapita.checked) {
      const pops = await Promise.all(chosen.map((a) => optional('/api/series', { indicator: 'POPULATION', area: a })));
      if (pops.some((p) => !p.ok || !p.data.observations.length)) note = h('p', { class: 'muted' }, t('ind.noPopulation'));
      else series.forEach((s, i) => perMillion(s, pops[i].data));
    }
    const single = chosen.length === 1 && !perCapita.checked;
    const empty = series.every((s) => !s.observations.length);
    const regional = single && asOf === undefined ? await regionTotal(code, areas.get(chosen[0]), ind, everyArea) : null;
    const fromRegions = regional ? regionTotalCard(regional, ind) : null;
    // A state with no series of its own (a region-only indicator): the chart draws its figure made
    // of the regions the reader may read, named as such with what it covers.
    const drawn = empty && regional ? [regionSeries(regional, areas.get(chosen[0]))] : series;
    drawChart(c, drawn, areas, ind, {});
    info.replaceChildren(...(note ? [note] : []),
      ...(empty && !regional ? [h('p', { class: 'muted', id: 'ind-empty' }, t('ind.emptyFor', { area: chosen.map((a) => nameOf(areas.get(a))).join(', ') }))] : []),
      ...(empty && regional ? [h('p', { class: 'muted', id: 'ind-region-chart-note' }, t('region.chartNote', { area: nameOf(areas.get(chosen[0])), coverage: regional.coverage.text }))] : []),
      ...(fromRegions ? [fromRegions] : []));
    view.dataset.rendered = 'true';
    if (!single || empty) {
      view.dataset.complete = 'true';
      return series;
    }
    const area = areas.get(chosen[0]);
    const fcBox = h('div', { id: 'ind-forecast' }, h('p', { class: 'loading' }, t('loading')));
    const btBox = h('div', { id: 'ind-backtest' }, h('p', { class: 'loading' }, t('loading')));
    const trBox = h('div', { id: 'ind-trend-box' }, h('p', { class: 'loading' }, t('loading')));
    info.replaceChildren(card(t('ind.forecastFor', { area: nameOf(area) }), fcBox, h('h2', {}, t('ind.accuracy')), btBox), card(t('ind.trend'), trBox),
      ...(fromRegions ? [fromRegions] : []));
    const [fc, tr] = await Promise.all([
      optional('/api/forecast', { indicator: code, area: chosen[0], h: 12 }),
      optional('/api/analytics/trends', { indicator: code, area: chosen[0] })]);
    const extra = { forecast: fc.ok ? fc.data : null, trend: tr.ok ? tr.data : null };
    drawChart(c, series, areas, ind, extra);
    fcBox.replaceChildren(...forecastDetails(fc, ind));
    trBox.replaceChildren(trendDetails(tr, ind));
    const more = [
      optional('/api/analytics/anomalies', { indicator: code, area: chosen[0] }).then((an) => {
        extra.anomalies = an.ok ? anomalyRows(an.data) : [];
        drawChart(c, series, areas, ind, extra);
        trBox.append(anomalyDetails(an, ind));
      }),
      optional('/api/backtest', { indicator: code, area: chosen[0], h: 6, origins: 4 }).then((bt) => btBox.replaceChildren(backtestDetails(bt))),
    ];
    Promise.all(more).then(() => { view.dataset.complete = 'true'; });
    return series;
  };
  try {
    const first = await draw(undefined);
    vintages(vintageBox, first, draw);
  } catch (e) {
    info.replaceChildren(errorBox(e));
    view.dataset.rendered = 'true';
    view.dataset.complete = 'true';
  }
}

/**
 * A state's figure made of its regions' values the reader may read (GET
 * /api/areas/{code}/regional-total), with what it covers; null when the indicator does not add up,
 * the area has no regions or no region value is readable.
 */
async function regionTotal(code, area, ind, everyArea) {
  if (!area || area.level !== 0 || ind?.aggregation !== 'SUM' || !everyArea.some((a) => a.parent === area.code && a.level === 1)) return null;
  const res = await optional(`/api/areas/${encodeURIComponent(area.code)}/regional-total`, { indicator: code, lang: getLang() });
  return res.ok && res.data.points.length ? res.data : null;
}

/** The regional total as a chart series, labelled as the sum of regions with its coverage. */
function regionSeries(total, area) {
  return { area: total.area ?? area?.code, label: t('region.series', { area: nameOf(area) || area?.code, coverage: total.coverage.text }),
    observations: total.points.map((p) => ({ period: p.period, value: p.value })) };
}

function regionTotalCard(total, ind) {
  const pts = total.points;
  const last = pts[pts.length - 1];
  return card(`${t('region.total')}: ${total.coverage.text}`,
    h('p', { id: 'ind-region-total' }, t('region.totalSentence', { period: period(last.period), value: value(last.value, ind), covers: last.covers })),
    table([t('col.period'), t('col.value'), t('region.col.covers')], pts.slice(-6).reverse().map((p) => [period(p.period), value(p.value, ind), p.covers]),
      { numeric: [1], id: 'ind-region-total-table' }));
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
  series.perMillion = true;
}

const COLORS = { forecast: '#c0392b', b80: 'rgba(192,57,43,0.35)', b95: 'rgba(192,57,43,0.15)', anomaly: '#8e44ad', change: '#e67e22' };

function drawChart(c, series, areas, ind, { forecast, trend, anomalies = [] }) {
  const counts = ind?.aggregation === 'SUM' && !series.some((s) => s.perMillion);
  const periods = [...new Set(series.flatMap((s) => s.observations.map((o) => o.period)))].sort();
  const fcPoints = forecastPoints(forecast, counts);
  const axis = [...periods, ...fcPoints.map((p) => p.period).filter((p) => !periods.includes(p))];
  const at = (map, p) => (map.has(p) ? map.get(p) : null);
  const out = series.map((s) => {
    const m = new Map(s.observations.map((o) => [o.period, o.value]));
    return { type: 'line', name: s.label ?? (nameOf(areas.get(s.area)) || s.area), showSymbol: false, data: axis.map((p) => at(m, p)), connectNulls: false };
  });
  const legend = out.map((s) => s.name);
  if (fcPoints.length) {
    const f = new Map(fcPoints.map((p) => [p.period, p]));
    // Each band is an invisible base plus a visible height; the legend names the visible part, in
    // the band's own colour, so legend and bands match.
    const band = (lo, hi, name, color, id) => [
      { type: 'line', id: `${id}-base`, stack: id, name: `${id}-base`, data: axis.map((p) => (f.has(p) ? f.get(p)[lo] : null)), lineStyle: { opacity: 0 }, showSymbol: false, silent: true, tooltip: { show: false } },
      { type: 'line', id, stack: id, name, data: axis.map((p) => (f.has(p) ? f.get(p)[hi] - f.get(p)[lo] : null)), lineStyle: { opacity: 0 }, showSymbol: false, areaStyle: { color, opacity: 1 }, itemStyle: { color }, tooltip: { show: false } }];
    out.push(...band('l95', 'u95', t('ind.band95'), COLORS.b95, 'band95'), ...band('l80', 'u80', t('ind.band80'), COLORS.b80, 'band80'),
      { type: 'line', id: 'forecast', name: t('ind.forecast'), data: axis.map((p) => (f.has(p) ? f.get(p).mean : null)), lineStyle: { type: 'dashed', color: COLORS.forecast }, itemStyle: { color: COLORS.forecast }, showSymbol: false });
    legend.push(t('ind.forecast'), t('ind.band80'), t('ind.band95'));
  }
  if (series.length === 1 && anomalies.length) {
    const m = new Map(series[0].observations.map((o) => [o.period, o.value]));
    out.push({ type: 'scatter', id: 'anomalies', name: t('ind.anomaly'), symbolSize: 10, itemStyle: { color: COLORS.anomaly },
      data: anomalies.filter((a) => m.has(a.period)).map((a) => [a.period, a.value]) });
    legend.push(t('ind.anomaly'));
  }
  const cps = series.length === 1 ? trend?.changePoints ?? [] : [];
  if (cps.length) {
    out.push({ type: 'line', id: 'changepoints', name: t('ind.changePoint'), data: [], itemStyle: { color: COLORS.change }, lineStyle: { color: COLORS.change, type: 'dotted' },
      markLine: { symbol: 'none', label: { show: false }, lineStyle: { color: COLORS.change, type: 'dotted', width: 2 }, data: cps.map((p) => ({ xAxis: p.period })) } });
    legend.push(t('ind.changePoint'));
  }
  const unit = series.some((s) => s.perMillion) ? t('ind.perMillionUnit', { unit: unitName(ind?.unit) }) : unitName(ind?.unit);
  const fmt = (v) => (counts ? value(v, ind) : num(v, 2));
  c.setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : fmt(v)) },
    legend: { type: 'scroll', bottom: 0, data: legend },
    grid: { left: 20, right: 24, top: 36, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: axis, axisLabel: { formatter: (p) => period(p), hideOverlap: true } },
    yAxis: { type: 'value', name: unit, nameLocation: 'end', nameGap: 14, nameTextStyle: { align: 'left', fontWeight: 600 }, min: counts ? 0 : undefined,
      minInterval: counts ? 1 : undefined, axisLabel: { formatter: fmt } },
    dataZoom: [{ type: 'inside' }],
    series: out,
  }, true);
}

/** Forecast JSON to points with mean and 80%/95% bounds; counts never go below zero and are whole. */
function forecastPoints(f, counts) {
  if (!f || !Array.isArray(f.periods) || !f.quantiles) return [];
  const q = f.quantiles;
  const fix = (v) => (typeof v !== 'number' ? v : counts ? Math.max(0, Math.round(v)) : v);
  const iv = (lvl) => (f.intervals ?? []).find((x) => Math.abs(x.level - lvl) < 1e-9) ?? {};
  const [i80, i95] = [iv(0.8), iv(0.95)];
  return f.periods.map((p, i) => ({ period: p, mean: fix((f.points ?? q['0.5'])[i]),
    l80: fix(i80.lower?.[i] ?? q['0.1']?.[i]), u80: fix(i80.upper?.[i] ?? q['0.9']?.[i]),
    l95: fix(i95.lower?.[i] ?? q['0.025']?.[i]), u95: fix(i95.upper?.[i] ?? q['0.975']?.[i]) }))
    .filter((p) => [p.mean, p.l80, p.u80, p.l95, p.u95].every((x) => typeof x === 'number'));
}

function forecastDetails(fc, ind) {
  if (!fc?.ok) return [unavailable(t('ind.forecast'), fc)];
  const counts = ind?.aggregation === 'SUM';
  const pts = forecastPoints(fc.data, counts);
  if (!pts.length) return [h('p', { class: 'muted' }, t('ind.noForecast'))];
  const v = (x) => value(x, ind);
  // A range stays on one line ('12 461–14 097'), not broken after its dash in some rows only.
  const range = (lo, hi) => h('span', { class: 'nowrap' }, `${v(lo)}–${v(hi)}`);
  const rows = [0, 2, 5, 11].filter((i) => i < pts.length).map((i) => {
    const p = pts[i];
    return [i === 0 ? t('ind.next', { p: period(p.period) }) : t('ind.ahead', { n: i + 1, p: period(p.period) }), v(p.mean), range(p.l80, p.u80), range(p.l95, p.u95)];
  });
  const p0 = pts[0];
  return [
    h('p', { id: 'ind-forecast-sentence' }, t('ind.forecastSentence', { p: period(p0.period), v: v(p0.mean), lo: v(p0.l80), hi: v(p0.u80), unit: unitName(ind?.unit) })),
    table([t('col.when'), t('ind.central'), t('ind.band80'), t('ind.band95')], rows, { numeric: [1, 2, 3], id: 'ind-forecast-table' }),
    h('p', { class: 'muted', id: 'ind-model' }, t('ind.model', { m: '' }), codeEl(modelName(fc.data.model ?? fc.data.method ?? '?')), counts ? ` · ${t('ind.countsNote')}` : ''),
  ];
}

function backtestDetails(bt) {
  if (!bt?.ok) return unavailable(t('ind.accuracy'), bt);
  const d = bt.data;
  const cov80 = d.coverage?.['0.8'];
  return h('div', {},
    h('p', { id: 'ind-accuracy' }, t('ind.accuracySentence', { n: (d.origins ?? []).length, smape: num(d.smape, 1), mase: num(d.mase, 2) })),
    Number.isFinite(cov80) ? h('p', {}, t('ind.coverageSentence', { share: pct(cov80) })) : null,
    h('p', { class: 'muted' }, t('ind.maseNote')));
}

/** The trend in plain words, from the test's numbers (not the server's English sentence). */
function trendDetails(tr, ind) {
  if (!tr?.ok) return unavailable(t('ind.trend'), tr);
  const d = tr.data;
  const unit = unitName(ind?.unit);
  const sentence = d.direction === 'INSUFFICIENT_DATA' ? t('trend.INSUFFICIENT_DATA')
    : d.direction === 'NO_TREND' ? t('trend.NO_TREND', { from: period(d.from), to: period(d.to) })
      : t(`trend.${d.direction}`, { from: period(d.from), to: period(d.to), slope: num(Math.abs(d.senSlopePerYear), 2), unit });
  const cps = (d.changePoints ?? []).map((c) => h('li', {}, t('trend.changePoint', { p: period(c.period), before: value(c.levelBefore, ind), after: value(c.levelAfter, ind) })));
  return h('div', {}, h('p', { id: 'ind-trend' }, sentence),
    Number.isFinite(d.pValue) ? h('p', { class: 'muted' }, t('trend.pValue', { p: num(d.pValue, 3) }), d.seasonal ? ` · ${t('trend.seasonal')}` : '') : null,
    cps.length ? h('ul', { class: 'plain', id: 'ind-changepoints' }, cps) : null);
}

function anomalyDetails(an, ind) {
  if (!an?.ok) return unavailable(t('ind.anomaly'), an);
  const rows = anomalyRows(an.data).sort((a, b) => b.period.localeCompare(a.period)).slice(0, 6);
  if (!rows.length) return h('p', { class: 'muted' }, t('ind.noAnomalies'));
  return h('div', {}, h('h2', {}, t('ind.anomalies')), h('ul', { class: 'plain', id: 'ind-anomalies' }, rows.map((r) =>
    h('li', {}, t(r.value > r.expected ? 'anomaly.high' : 'anomaly.low', { p: period(r.period), v: value(r.value, ind), e: value(r.expected, ind), d: change((r.value - r.expected) / Math.abs(r.expected || NaN) * 100, 0) })))));
}

function vintages(box, series, draw) {
  const times = [...new Set(series.flatMap((s) => s.observations.map((o) => o.recordedAt)))].filter(Boolean).sort();
  if (times.length < 2) return;
  const lbl = h('output', { id: 'ind-asof-label' }, t('ind.latestVintage'));
  const slider = h('input', { type: 'range', id: 'ind-asof', min: 0, max: times.length - 1, value: times.length - 1, step: 1, 'aria-valuetext': t('ind.latestVintage') });
  slider.addEventListener('change', () => {
    const i = +slider.value;
    const latest = i === times.length - 1;
    lbl.textContent = latest ? t('ind.latestVintage') : dateTime(times[i]);
    slider.setAttribute('aria-valuetext', lbl.textContent);
    draw(latest ? undefined : times[i]);
  });
  box.replaceChildren(h('label', { for: 'ind-asof' }, t('ind.asOf'), slider), lbl, h('span', { class: 'muted' }, t('ind.vintages', { n: times.length })));
}
