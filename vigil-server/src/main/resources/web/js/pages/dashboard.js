// Dashboard: risk map by domain, priorities, alerts, anomalies, recent reports and the report form.
import { api, optional } from '../api.js';
import { chart } from '../charts.js';
import { card, h, movement, table, unavailable } from '../dom.js';
import { DOMAINS, dateTime, domainName, getLang, nameOf, num, period, t } from '../i18n.js';
import { albers, loadMap, NO_DATA, RISK_COLOURS, riskColour } from '../map.js';
import { allIndicators, areaByCode, states } from '../ref.js';
import { anomalyRows, priorityRows, riskRows } from '../shapes.js';

export async function render(view) {
  const t0 = performance.now();
  const domainSelect = h('select', { id: 'risk-domain' },
    h('option', { value: '' }, t('dash.allDomains')),
    Object.keys(DOMAINS).map((d) => h('option', { value: d }, domainName(d))));
  const mapEl = h('div', { class: 'chart map', id: 'risk-map', role: 'img', 'aria-label': t('dash.map') });
  const mapNote = h('div');
  const prioritiesBox = h('div', { id: 'priorities' }, h('p', { class: 'loading' }, t('loading')));
  const alertsBox = h('div', { id: 'alerts' }, h('p', { class: 'loading' }, t('loading')));
  const anomaliesBox = h('div', { id: 'anomalies' });
  const reportsBox = h('div', { id: 'recent-reports' });
  view.replaceChildren(
    h('h1', {}, t('dash.title')),
    h('p', { class: 'banner-synthetic' }, t('synthetic.note')),
    h('div', { class: 'grid two' },
      card(t('dash.map'), h('div', { class: 'controls' }, h('label', { for: 'risk-domain' }, t('dash.domain'), domainSelect)), mapEl, mapNote),
      h('div', { class: 'grid' }, card(t('dash.priorities'), prioritiesBox), card(t('dash.alerts'), alertsBox))),
    h('div', { class: 'grid' },
      card(t('dash.anomalies'), anomaliesBox),
      card(t('dash.makeReport'), await reportForm(reportsBox), h('h2', {}, t('dash.reports')), reportsBox)));

  const [areas, members] = await Promise.all([areaByCode(), states(), loadMap()]);
  const map = chart(mapEl);
  // First render: the map's states and the fast panels. Risk, priorities and anomalies come from
  // the analytics engine, which takes seconds; they fill in when ready.
  drawMap(map, members, areas, []);
  // The anomaly scan refits forecasts for every state: it runs when asked, not on every visit.
  anomaliesBox.replaceChildren(h('button', { type: 'button', id: 'anomalies-scan', onclick: () => {
    anomaliesBox.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    recentAnomalies(anomaliesBox, areas);
  } }, t('dash.scan')), h('p', { class: 'muted' }, t('dash.anomaliesScope')));
  mapNote.replaceChildren(h('p', { class: 'loading', id: 'risk-loading' }, t('dash.computing')));
  alertsBox.replaceChildren(unavailable(t('dash.alerts'), { missing: true }));
  recentReports(reportsBox);
  window.vigilDashboardMs = performance.now();
  window.vigilDashboardOwnMs = performance.now() - t0;
  performance.mark('vigil-dashboard-rendered');
  view.dataset.rendered = 'true';

  const risk = optional('/api/analytics/risk', { draws: 0, horizon: 1 });
  const drawRisk = async () => {
    const res = await risk;
    const rows = res.ok ? riskRows(res.data, domainSelect.value) : [];
    drawMap(map, members, areas, rows);
    mapNote.replaceChildren(res.ok && rows.length ? legend(res.data.period) : unavailable(t('risk.index'), res.ok ? null : res));
  };
  domainSelect.addEventListener('change', drawRisk);
  await Promise.all([
    drawRisk().then(() => { window.vigilRiskMs = performance.now(); }),
    fill(prioritiesBox, '/api/analytics/priorities', t('dash.priorities'), (d) => priorityTable(priorityRows(d), areas), { draws: 0 }),
  ]);
  view.dataset.complete = 'true';
}

async function recentAnomalies(box, areas) {
  const indicators = (await allIndicators()).filter((i) => i.synthetic && i.frequency === 'MONTHLY').slice(0, 3);
  const results = await Promise.all(indicators.map((i) => optional('/api/analytics/anomalies', { indicator: i.code })));
  const failed = results.find((r) => !r.ok);
  if (failed && results.every((r) => !r.ok)) return box.replaceChildren(unavailable(t('dash.anomalies'), failed));
  const names = new Map(indicators.map((i) => [i.code, nameOf(i)]));
  const rows = results.filter((r) => r.ok).flatMap((r) => anomalyRows(r.data))
    .sort((a, b) => b.period.localeCompare(a.period)).slice(0, 10).map((r) => ({ ...r, indicatorName: names.get(r.indicator) }));
  box.replaceChildren(anomalyTable(rows, areas) ?? unavailable(t('dash.anomalies'), null), h('p', { class: 'muted' }, t('dash.anomaliesScope')));
}

async function fill(box, path, what, draw, query) {
  const res = await optional(path, query);
  if (!res.ok) return box.replaceChildren(unavailable(what, res));
  const node = draw(res.data);
  box.replaceChildren(node ?? unavailable(what, null));
}

function drawMap(map, members, areas, rows) {
  const byArea = new Map(rows.map((r) => [r.area, r]));
  map.setOption({
    tooltip: { trigger: 'item', formatter: (p) => `${nameOf(areas.get(p.name)) || p.name}: ${Number.isFinite(p.value) ? num(p.value) : t('legend.noData')}` },
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
        return { name: a.code, value: v, itemStyle: { areaColor: riskColour(v) } };
      }),
    }],
  }, true);
  map.off('click');
  map.on('click', (p) => { location.hash = `#/state/${p.name}`; });
}

function legend(p) {
  return h('p', { class: 'muted', id: 'risk-legend' }, `${t('risk.scale')} · ${period(p)}: `,
    RISK_COLOURS.map((c, i) => h('span', {}, h('span', { style: `display:inline-block;width:1em;height:1em;background:${c};border:1px solid #888;vertical-align:middle` }), ` ${i * 2}–${i * 2 + 2}  `)),
    h('span', { style: `display:inline-block;width:1em;height:1em;background:${NO_DATA};border:1px solid #888;vertical-align:middle` }), ` ${t('legend.noData')}`);
}

function priorityTable(rows, areas) {
  if (!rows.length) return null;
  return table([t('col.rank'), t('col.domain'), t('col.state'), t('col.score'), t('col.trend')],
    rows.slice(0, 10).map((r) => [String(r.rank), domainName(r.domain), nameOf(areas.get(r.area)) || r.area, num(r.score), movement(r.movement)]), { numeric: [0, 3] });
}

function anomalyTable(rows, areas) {
  if (!rows.length) return null;
  return table([t('col.indicator'), t('col.state'), t('col.period'), t('col.value'), t('col.expected')],
    rows.slice(0, 10).map((r) => [
      h('a', { href: `#/indicator?code=${encodeURIComponent(r.indicator)}&areas=${encodeURIComponent(r.area)}` }, r.indicatorName || r.indicator),
      nameOf(areas.get(r.area)) || r.area, period(r.period), num(r.value), num(r.expected)]), { numeric: [3, 4] });
}

async function reportForm(reportsBox) {
  const members = await states();
  const area = h('select', { id: 'report-area', name: 'area' }, h('option', { value: 'CIS' }, getLang() === 'ru' ? 'СНГ (регион)' : 'CIS (region)'),
    members.map((a) => h('option', { value: a.code }, nameOf(a))));
  const per = h('input', { id: 'report-period', name: 'period', placeholder: '2026-10', pattern: '\\d{4}(-\\d{2}|-Q[1-4])?', size: 8 });
  const lang = h('select', { id: 'report-lang', name: 'lang' }, h('option', { value: 'en' }, 'English'), h('option', { value: 'ru' }, 'Русский'));
  lang.value = getLang();
  const format = h('select', { id: 'report-format', name: 'format' }, h('option', { value: 'pdf' }, 'PDF'), h('option', { value: 'html' }, 'HTML'));
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
        throw new Error(p.detail || `HTTP ${res.status}`);
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const name = (res.headers.get('Content-Disposition') || '').match(/filename="([^"]+)"/)?.[1] || `report.${format.value}`;
      status.replaceChildren(h('p', { class: 'ok', id: 'report-ready' }, t('report.ready', { ms: res.headers.get('X-Render-Millis') || '?' }), ' ',
        h('a', { href: url, target: '_blank', rel: 'noopener', download: name }, name)));
      recentReports(reportsBox);
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${e.message}`));
    }
  } },
  h('label', { for: 'report-area' }, t('report.area'), area),
  h('label', { for: 'report-period' }, t('report.period'), per),
  h('label', { for: 'report-lang' }, t('report.lang'), lang),
  h('label', { for: 'report-format' }, t('report.format'), format),
  h('button', { class: 'primary', type: 'submit', id: 'report-generate' }, t('report.generate')), status);
}

async function recentReports(box) {
  const res = await optional('/api/reports/recent');
  if (!res.ok) return box.replaceChildren(unavailable(t('dash.reports'), res));
  if (!res.data.length) return box.replaceChildren(h('p', { class: 'muted' }, t('unavailable.empty')));
  box.replaceChildren(table([t('col.area'), t('col.period'), t('col.lang'), t('col.format'), t('col.user'), t('col.when')],
    res.data.slice(0, 8).map((r) => [r.area, period(r.period), r.lang, r.format.toUpperCase(), r.user, dateTime(r.at)])));
}
