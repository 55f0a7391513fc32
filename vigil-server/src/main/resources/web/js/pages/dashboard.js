// Dashboard: the user's own state: its risk, its live alerts, its programme KPIs at risk, its recent
// anomalies and recent reports. Users of the secretariat see the region.
import { api, optional } from '../api.js';
import { chart } from '../charts.js';
import { card, code, errorBox, h, table, unavailable } from '../dom.js';
import { dateTime, domainName, getLang, label, nameOf, num, pct, period, score, scoreChange, t, value } from '../i18n.js';
import { albers, loadMap, NO_DATA, RISK_COLOURS, riskColour } from '../map.js';
import { areaByCode, indicatorByCode, states } from '../ref.js';
import { anomalyRows, coverageText, domainCell, domainsText, riskRows, withRestrictedNote } from '../shapes.js';

export async function render(view, { me }) {
  const t0 = performance.now();
  // The published scores are asked for first, beside the reference data; the map's shapes (127 KB)
  // arrive on their own and the map is drawn when they do, so the score does not wait for them.
  const riskRes = optional('/api/analytics/risk', { horizon: 0 });
  const shapes = loadMap();
  const [areas, members, indicators] = await Promise.all([areaByCode(), states(), indicatorByCode()]);
  const own = members.find((a) => a.code === me.area);
  const mapEl = h('div', { class: 'chart map', id: 'risk-map', role: 'img', 'aria-label': t('dash.map') });
  const riskBox = h('div', { id: 'own-risk' }, h('p', { class: 'loading', id: 'risk-loading' }, t('dash.computing')));
  const alertsBox = h('div', { id: 'alerts' }, h('p', { class: 'loading' }, t('loading')));
  const kpiBox = h('div', { id: 'kpis-at-risk' }, h('p', { class: 'loading' }, t('loading')));
  const anomaliesBox = h('div', { id: 'anomalies' }, h('p', { class: 'loading' }, t('loading')));
  const reportsBox = h('div', { id: 'recent-reports' });
  view.replaceChildren(
    h('h1', {}, own ? t('dash.titleFor', { area: nameOf(own) }) : t('dash.title')),
    h('p', { class: 'banner-synthetic' }, t('synthetic.note')),
    h('div', { class: 'grid two' },
      card(own ? t('dash.ownRisk', { area: nameOf(own) }) : t('dash.map'), riskBox, mapEl),
      card(t('dash.alerts'), alertsBox)),
    h('div', { class: 'grid' },
      card(t('dash.kpis'), kpiBox),
      card(t('dash.anomalies'), anomaliesBox),
      card(t('dash.makeReport'), reportForm(reportsBox, members, own), h('h2', {}, t('dash.reports')), reportsBox)));

  const map = shapes.then(() => {
    const m = chart(mapEl);
    drawMap(m, members, areas, [], own?.code);
    return m;
  });
  const alertsDone = alerts(alertsBox, me, own, areas, indicators);
  recentReports(reportsBox);
  window.vigilDashboardMs = performance.now();
  window.vigilDashboardOwnMs = performance.now() - t0;
  performance.mark('vigil-dashboard-rendered');
  view.dataset.rendered = 'true';

  await Promise.all([
    alertsDone,
    risk(riskBox, riskRes, map, members, areas, own, indicators),
    kpisAtRisk(kpiBox, own, areas, indicators),
    recentAnomalies(anomaliesBox, own, areas, indicators),
  ]);
  view.dataset.complete = 'true';
}

/**
 * The published scores and composites of the latest month (horizon 0: no projections, which the
 * dashboard does not draw; no draws parameter: the run's own bands are read): the box first, the
 * map's colours when the map is ready.
 */
async function risk(box, riskRes, map, members, areas, own, indicators) {
  const res = await riskRes;
  if (!res.ok) {
    box.replaceChildren(unavailable(t('risk.index'), res));
    return;
  }
  const rows = riskRows(res.data);
  riskBox(box, res, rows, areas, own, indicators);
  window.vigilRiskMs = performance.now();
  drawMap(await map, members, areas, rows, own?.code);
}

function riskBox(box, res, rows, areas, own, indicators) {
  const cover = coverageText(res.data) ?? "";
  const legendEl = legend(res.data.period);
  if (!own) {
    const top = [...rows].sort((a, b) => b.score - a.score).slice(0, 5);
    return box.replaceChildren(cover, table([t('col.state'), t('risk.score10'), t('col.covers')],
      top.map((r) => [h('a', { href: `#/state/${r.area}` }, nameOf(areas.get(r.area))), score(r.score), domainsText(r)]), { numeric: [1], id: 'top-risk' }), legendEl);
  }
  const row = rows.find((r) => r.area === own.code);
  if (!row) return box.replaceChildren(h('p', { class: 'muted', id: 'own-risk-none' }, t('dash.noRisk')), cover, legendEl);
  const rank = [...rows].sort((a, b) => b.score - a.score).findIndex((r) => r.area === own.code) + 1;
  const domains = Object.values(row.domains).filter((s) => typeof s.score === 'number').sort((a, b) => b.score - a.score).slice(0, 4);
  box.replaceChildren(
    h('p', {}, `${t('risk.scale')} (${t('risk.composite')}): `, h('strong', { id: 'own-risk-score', 'data-score': String(row.score) }, score(row.score)),
      ` (${domainsText(row)})`, ' · ',
      t('dash.rankOf', { rank, n: rows.length }), ' · ', period(res.data.period)),
    withRestrictedNote(row),
    cover,
    table([t('col.domain'), t('risk.score10'), t('col.changeScore'), t('col.driver')], domains.map((s) => [
      domainCell(s), score(s.score), scoreChange(s.change),
      (s.drivers ?? []).filter((d) => d.contribution > 0).slice(0, 1).map((d) => driverName(d, indicators)).join('')]), { numeric: [1, 2] }),
    legendEl);
}

export function driverName(d, indicators) {
  const ind = indicators.get(d.input) ?? indicators.get(d.id);
  return ind ? nameOf(ind) : label('driver', d.id ?? d.name);
}

async function alerts(box, me, own, areas, indicators) {
  const res = await optional('/api/alerts', { state: 'NEW', area: own?.code, order: 'rank', limit: 200 });
  if (!res.ok) return box.replaceChildren(unavailable(t('dash.alerts'), res));
  const items = res.data.items ?? [];
  if (!items.length) return box.replaceChildren(h('p', { class: 'muted', id: 'alerts-none' }, t('alerts.none')));
  // The server ranks (order=rank): one group per subject (indicator and area), the most urgent
  // subject first, each group's most urgent alert first; the panel keeps that order.
  const groups = new Map();
  for (const a of items) {
    const k = a.group ?? `${a.indicator}|${a.area}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(a);
  }
  const list = [...groups.values()];
  const shown = list.slice(0, 8);
  box.replaceChildren(
    h('p', { class: 'muted' }, t('alerts.summary', { n: items.length, groups: list.length })),
    h('ul', { class: 'plain alerts' }, shown.map((g) => alertGroup(g, me, areas, indicators, box))));
}

const worst = (g) => (g.some((a) => a.severity === 'CRITICAL') ? 'CRITICAL' : g.some((a) => a.severity === 'WARNING') ? 'WARNING' : 'INFO');

function alertGroup(g, me, areas, indicators, box) {
  const a = g[0];
  const sev = worst(g);
  const ind = indicators.get(a.indicator);
  const status = h('span', { class: 'ack-status', 'aria-live': 'polite' });
  const ack = a.owner === me.organisation ? h('button', { type: 'button', class: 'ack', onclick: async () => {
    ack.disabled = true;
    try {
      await Promise.all(g.map((x) => api(`/api/alerts/${x.id}/state`, { method: 'POST', body: { state: 'seen' } })));
      status.replaceChildren(t('alerts.acknowledged'));
      ack.remove();
    } catch (e) {
      status.replaceChildren(errorBox(e));
      ack.disabled = false;
    }
  } }, t('alerts.ack')) : null;
  return h('li', { class: `alert sev-${sev}` },
    h('span', { class: `sev sev-${sev}` }, label('severity', sev)), ' ',
    h('a', { href: `#/indicator?code=${encodeURIComponent(a.indicator)}&areas=${encodeURIComponent(a.area)}` }, ind ? nameOf(ind) : a.indicator),
    ` · ${nameOf(areas.get(a.area))}`, h('br'),
    h('span', {}, alertText(a, indicators)),
    h('br'), h('span', { class: 'muted' }, `${label('alertRule', a.rule)} · ${period(a.period)} · ${dateTime(a.createdAt)}`,
      g.length > 1 ? ` · ${t('alerts.more', { n: g.length - 1 })}` : ''), ' ', ack, status);
}

/**
 * The alert's sentence in the reader's language, with the reader's number and month formats, from
 * the alert's evidence (anomalies, KPI drifts, data-quality checks); the stored message otherwise.
 */
function alertText(a, indicators) {
  const ev = a.evidence ?? {};
  const n = (x) => (x === undefined || x === null || x === '' ? NaN : Number(x));
  if (a.rule === 'ANOMALY' && Number.isFinite(n(ev.value)) && Number.isFinite(n(ev.upper))) {
    const ind = indicators.get(a.indicator);
    const dir = n(ev.value) > n(ev.upper) ? 'High' : 'Low';
    return t(`alerts.${ev.kind === 'LEVEL_SHIFT' ? 'shift' : 'anomaly'}${dir}`, {
      value: value(n(ev.value), ind), period: period(ev.until ?? a.period), since: period(ev.since ?? a.period),
      n: ev.periods ?? 1, lower: value(n(ev.lower), ind), upper: value(n(ev.upper), ind) });
  }
  if (a.rule === 'KPI_DRIFT' && ev.status && Number.isFinite(n(ev.target))) {
    return t('alerts.kpiDrift', { status: label('drift', ev.status), target: value(n(ev.target), indicators.get(ev.indicator)),
      deadline: period(a.period), p: pct(n(ev.probability)) });
  }
  if (a.rule === 'DATA_QUALITY' && ev.check && getLang() === 'ru') {
    return t('alerts.qualityCheck', { check: label('qualityRule', ev.check) });
  }
  return getLang() === 'ru' ? a.messageRu : a.messageEn;
}

async function kpisAtRisk(box, own, areas, indicators) {
  const list = await optional('/api/programmes');
  if (!list.ok) return box.replaceChildren(unavailable(t('dash.kpis'), list));
  const drifts = await Promise.all(list.data.map((p) => optional(`/api/programmes/${encodeURIComponent(p.code)}/drift`).then((d) => [p, d])));
  const rows = [];
  for (const [p, d] of drifts) {
    if (!d.ok) continue;
    for (const k of d.data.kpis ?? []) {
      if ((k.status === 'AT_RISK' || k.status === 'MISSED') && (!own || k.area === own.code)) rows.push([p, k]);
    }
  }
  if (!rows.length) return box.replaceChildren(h('p', { class: 'muted', id: 'kpis-none' }, own ? t('dash.kpisNoneFor', { area: nameOf(own) }) : t('dash.kpisNone')));
  box.replaceChildren(table([t('prog.kpi'), t('col.state'), t('prog.target'), t('col.status'), t('prog.probability')],
    rows.slice(0, 8).map(([p, k]) => [h('a', { href: `#/programmes?code=${encodeURIComponent(p.code)}` }, kpiLabel(k, indicators)),
      nameOf(areas.get(k.area)), target(k, indicators), label('drift', k.status), pct(k.probability)]), { numeric: [4] }));
}

export function kpiLabel(k, indicators) {
  const ind = indicators.get(k.indicator);
  return `${k.kpi}: ${ind ? nameOf(ind) : k.indicator}`;
}

export function target(k, indicators) {
  return `${k.direction === 'AT_MOST' ? '≤' : '≥'} ${value(k.target, indicators.get(k.indicator))} (${period(k.deadline)})`;
}

/** The latest anomalies of the state's monthly series (of the region's, for the secretariat). */
async function recentAnomalies(box, own, areas, indicators) {
  let queries;
  if (own) {
    // Every series of the state in one read of the published run.
    queries = [{ area: own.code }];
  } else {
    queries = [...indicators.values()].filter((i) => i.synthetic && i.frequency === 'MONTHLY').slice(0, 3).map((i) => ({ indicator: i.code }));
  }
  // As published by the analytic run (read, not computed per reader; robust z, as in reports).
  const results = await Promise.all(queries.map((q) => optional('/api/analytics/anomalies', { ...q, published: true })));
  const failed = results.find((r) => !r.ok);
  if (failed && results.every((r) => !r.ok)) return box.replaceChildren(unavailable(t('dash.anomalies'), failed));
  const all = results.filter((r) => r.ok).flatMap((r) => anomalyRows(r.data))
    .filter((r) => indicators.get(r.indicator)?.frequency === 'MONTHLY');
  const newest = all.reduce((m, r) => (r.period > m ? r.period : m), '');
  const cutoff = newest ? `${+newest.slice(0, 4) - 1}${newest.slice(4)}` : '';
  const rows = all.filter((r) => r.period > cutoff).sort((a, b) => b.period.localeCompare(a.period)).slice(0, 8);
  if (!rows.length) return box.replaceChildren(h('p', { class: 'muted', id: 'anomalies-none' }, t('dash.anomaliesNone')));
  box.replaceChildren(table([t('col.indicator'), t('col.state'), t('col.period'), t('col.value'), t('col.expected')],
    rows.map((r) => {
      const ind = indicators.get(r.indicator);
      return [h('a', { href: `#/indicator?code=${encodeURIComponent(r.indicator)}&areas=${encodeURIComponent(r.area)}` }, ind ? nameOf(ind) : r.indicator),
        nameOf(areas.get(r.area)), period(r.period), value(r.value, ind), value(r.expected, ind)];
    }), { numeric: [3, 4], id: 'anomaly-table' }), h('p', { class: 'muted' }, t('dash.anomaliesScope')));
}

function drawMap(map, members, areas, rows, own) {
  const byArea = new Map(rows.map((r) => [r.area, r]));
  map.setOption({
    tooltip: { trigger: 'item', formatter: (p) => `${nameOf(areas.get(p.name)) || p.name}: ${Number.isFinite(p.value) ? score(p.value) : t('legend.noData')}` },
    series: [{
      type: 'map', map: 'cis', projection: albers, nameProperty: 'iso3', roam: false,
      layoutCenter: ['50%', '50%'], layoutSize: '100%',
      label: { show: true, formatter: (p) => p.name, fontSize: 10 },
      itemStyle: { borderColor: '#555', borderWidth: 0.6, areaColor: NO_DATA },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#9ecae1' } },
      select: { disabled: true },
      data: members.map((a) => {
        const r = byArea.get(a.code);
        const v = r ? r.score : NaN;
        return { name: a.code, value: v, itemStyle: { areaColor: riskColour(v), borderColor: a.code === own ? '#000' : '#555', borderWidth: a.code === own ? 2.5 : 0.6 } };
      }),
    }],
  }, true);
  map.off('click');
  map.on('click', (p) => { location.hash = `#/state/${p.name}`; });
}

function legend(p) {
  return h('p', { class: 'muted', id: 'risk-legend' }, `${t('risk.scale')} · ${period(p)}: `,
    RISK_COLOURS.map((c, i) => h('span', { class: 'nowrap' }, h('span', { class: 'swatch', style: `background:${c}` }), ` ${i * 2}–${i * 2 + 2} `)),
    h('span', { class: 'nowrap' }, h('span', { class: 'swatch', style: `background:${NO_DATA}` }), ` ${t('legend.noData')}`));
}

function reportForm(reportsBox, members, own) {
  const area = h('select', { id: 'report-area', name: 'area' }, h('option', { value: 'CIS' }, t('report.region')),
    members.map((a) => h('option', { value: a.code, selected: a.code === own?.code }, nameOf(a))));
  const per = h('input', { id: 'report-period', name: 'period', placeholder: t('report.periodHint'), pattern: '\\d{4}(-\\d{2}|-Q[1-4])?', size: 10 });
  const lang = h('select', { id: 'report-lang', name: 'lang' }, h('option', { value: 'en' }, 'English'), h('option', { value: 'ru' }, 'Русский'));
  lang.value = getLang();
  const format = h('select', { id: 'report-format', name: 'format' }, ['pdf', 'docx', 'html'].map((f) => h('option', { value: f }, label('format', f))));
  const status = h('div', { id: 'report-status', role: 'status', 'aria-live': 'polite' });
  return h('form', { class: 'inline', id: 'report-form', onsubmit: async (ev) => {
    ev.preventDefault();
    status.replaceChildren(h('p', { class: 'loading' }, t('report.generating')));
    const q = new URLSearchParams({ area: area.value, lang: lang.value, format: format.value });
    if (per.value) q.set('period', per.value);
    try {
      const res = await fetch(`/api/reports?${q}`, { credentials: 'same-origin' });
      if (!res.ok) {
        const p = await res.json().catch(() => ({}));
        throw Object.assign(new Error(p.detail || `HTTP ${res.status}`), { status: res.status, problem: p });
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const name = (res.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/)?.[1] || `report.${format.value}`;
      status.replaceChildren(h('p', { class: 'ok', id: 'report-ready' }, t('report.ready', { ms: res.headers.get('X-Render-Millis') || '?' }), ' ',
        h('a', { href: url, target: '_blank', rel: 'noopener', download: name, translate: 'no', class: 'code' }, name)));
      recentReports(reportsBox);
    } catch (e) {
      status.replaceChildren(errorBox(e));
    }
  } },
  h('label', { for: 'report-area' }, t('report.area'), area),
  h('label', { for: 'report-period' }, t('report.period'), per),
  h('label', { for: 'report-lang' }, t('report.lang'), lang),
  h('label', { for: 'report-format' }, t('report.format'), format),
  h('button', { class: 'primary', type: 'submit', id: 'report-generate' }, t('report.generate')), status);
}

async function recentReports(box) {
  const [res, areas] = await Promise.all([optional('/api/reports/recent'), areaByCode()]);
  if (!res.ok) return box.replaceChildren(unavailable(t('dash.reports'), res));
  if (!res.data.length) return box.replaceChildren(h('p', { class: 'muted' }, t('dash.reportsNone')));
  box.replaceChildren(table([t('col.area'), t('col.period'), t('col.lang'), t('col.format'), t('col.user'), t('col.when')],
    res.data.slice(0, 8).map((r) => [r.area === 'CIS' ? t('report.region') : nameOf(areas.get(r.area)) || r.area, period(r.period),
      label('lang', r.lang), label('format', r.format), code(r.user), dateTime(r.at)])));
}
