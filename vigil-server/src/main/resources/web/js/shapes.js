import { h } from './dom.js';
import { t } from './i18n.js';

// Adapters from the analytics API's JSON (GET /api/analytics/...) to what the pages draw.
// Risk scores are on the methodology's 0-10 scale, per state, domain and horizon.

/** Rows {area, score, change, lower, upper, drivers, domains} at horizon 0; composite = mean over domains. */
export function riskRows(d, domain = '') {
  const scores = (d?.scores ?? []).filter((s) => s.horizon === 0 && typeof s.score === 'number');
  const byArea = new Map();
  for (const s of scores) {
    if (!byArea.has(s.area)) byArea.set(s.area, []);
    byArea.get(s.area).push(s);
  }
  const rows = [];
  for (const [area, list] of byArea) {
    const chosen = domain ? list.filter((s) => s.domain === domain) : list;
    if (!chosen.length) continue;
    const mean = (f) => chosen.reduce((a, s) => a + f(s), 0) / chosen.length;
    const top = [...chosen].sort((a, b) => b.score - a.score)[0];
    rows.push({
      area, score: mean((s) => s.score), change: mean((s) => (typeof s.change === 'number' ? s.change : 0)),
      lower: domain ? top.lower : NaN, upper: domain ? top.upper : NaN,
      drivers: top.drivers ?? [], topDomain: top.domain,
      domains: Object.fromEntries(list.map((s) => [s.domain, s])),
    });
  }
  return rows;
}

/** Projections {area, domain, horizon, score, lower, upper} for horizons > 0. */
export function projections(d, domain) {
  return (d?.scores ?? []).filter((s) => s.horizon > 0 && s.domain === domain && typeof s.score === 'number');
}

export function priorityRows(d) {
  return (d?.priorities ?? []).map((r) => ({
    rank: r.rank, domain: r.domain, area: r.area, score: r.score, trend: r.trend, outlook: r.outlook,
    projected: r.projected, confidence: r.confidence, drivers: r.drivers ?? [],
    movement: r.trend === 'RISING' ? 1 : r.trend === 'FALLING' ? -1 : 0,
  }));
}

export function anomalyRows(d) {
  return (d?.anomalies ?? []).map((r) => ({
    indicator: r.indicator, area: r.area, period: r.period, value: r.value, expected: r.expected,
    score: r.score, method: r.method, description: r.description ?? '',
  }));
}

/**
 * "Computed for 7 of 10 states" when the API says how many states a stored result covers
 * (coverage: {included, expected} or statesIncluded/statesExpected); nothing otherwise.
 */
export function coverageText(d) {
  const c = d?.coverage ?? {};
  const n = c.included ?? c.statesIncluded ?? d?.statesIncluded;
  const of = c.expected ?? c.statesExpected ?? d?.statesExpected;
  if (!Number.isFinite(n) || !Number.isFinite(of)) return null;
  return h('p', { class: 'muted coverage' }, t('risk.coverage', { n, of }));
}
