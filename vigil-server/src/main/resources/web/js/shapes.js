import { code, h } from './dom.js';
import { date, domainName, score, t } from './i18n.js';

// Adapters from the analytics API's JSON (GET /api/analytics/...) to what the pages draw.
// Risk scores are on the methodology's 0-10 scale, per state, domain and horizon.

/**
 * Rows {area, score, change, lower, upper, drivers, domains, covers} now (horizon 0, the response's
 * period). Without a domain the score is the state's composite as the API publishes it (the
 * response's `composites`, computed once in vigil-analytics): never averaged here, so the page shows
 * the number every other surface shows, with the domains it covers.
 */
export function riskRows(d, domain = '') {
  const now = (x) => x.horizon === 0 && x.period === d?.period && typeof x.score === 'number';
  const byArea = new Map();
  for (const s of (d?.scores ?? []).filter(now)) {
    if (!byArea.has(s.area)) byArea.set(s.area, []);
    byArea.get(s.area).push(s);
  }
  const composites = new Map((d?.composites ?? []).filter(now).map((c) => [c.area, c]));
  const rows = [];
  for (const [area, list] of byArea) {
    const top = [...list].filter((s) => !domain || s.domain === domain).sort((a, b) => b.score - a.score)[0];
    const c = domain ? null : composites.get(area);
    if (!top || (!domain && !c)) continue;
    rows.push({
      area, score: c ? c.score : top.score, change: c ? c.change : top.change,
      lower: domain ? top.lower : NaN, upper: domain ? top.upper : NaN,
      drivers: top.drivers ?? [], topDomain: top.domain,
      covers: c ? { n: c.domains, of: c.domainsTotal } : null,
      withRestricted: c?.withRestricted ?? null,
      domains: Object.fromEntries(list.map((s) => [s.domain, s])),
    });
  }
  return rows;
}

/** "9 of 11 domains" under a composite (in the page's language), or '' for a single domain. */
export function domainsText(row) {
  return row?.covers ? t('risk.domainsCovered', row.covers) : '';
}

/**
 * The reader's fuller figure for a state (its composite including domains not every member may
 * read), as a muted note under the composite, or '' when the reader sees only shared domains.
 */
export function withRestrictedNote(row) {
  const w = row?.withRestricted;
  if (!w) return '';
  return h('p', { class: 'muted with-restricted', 'data-score': String(w.score) },
    t('risk.withRestricted', { score: score(w.score), n: w.domains, of: w.domainsTotal }));
}

/** A domain's name, marked when not every member may read its score. */
export function domainCell(s) {
  return s.everyMember === false
    ? h('span', {}, domainName(s.domain), ' ', h('span', { class: 'muted not-shared' }, `(${t('risk.notShared')})`))
    : domainName(s.domain);
}

/** Projections {area, domain, horizon, score, lower, upper} for horizons > 0. */
export function projections(d, domain) {
  return (d?.scores ?? []).filter((s) => s.horizon > 0 && s.domain === domain && typeof s.score === 'number');
}

export function priorityRows(d, which = 'priorities') {
  return (d?.[which] ?? []).map((r) => ({
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
 * What a published figure covers, from the API's `coverage` object: "7 of 10 states · methodology
 * vigil-default 1.0.0 · data as of 30 Nov 2026 · analytic run 3", in the page's language. Nothing
 * when the response carries no coverage.
 */
export function coverageText(d) {
  const c = d?.coverage;
  if (!c || !Number.isFinite(c.statesShown) || !Number.isFinite(c.statesTotal)) return null;
  // The methodology's name is an identifier, the same in every language.
  const [before, after] = t('risk.methodology', { methodology: '\u0000', version: c.version }).split('\u0000');
  const parts = [t('risk.coverage', { n: c.statesShown, of: c.statesTotal }) + ' · ' + before,
    code(c.methodology), after ?? ''];
  if (c.dataAsOf) parts.push(' · ' + t('risk.dataAsOf', { date: date(c.dataAsOf) }));
  parts.push(' · ' + (c.run ? t('risk.run', { run: c.run }) : t('risk.onRequest')));
  return h('p', { class: 'muted coverage', 'data-states-shown': String(c.statesShown),
    'data-states-total': String(c.statesTotal) }, ...parts);
}
