// Adapters from the analytics API's JSON to what the pages draw. They accept a list or an object
// holding one ({items}, {rows}, {states}, ...), so a page keeps working as the API settles.
function list(d, ...keys) {
  if (Array.isArray(d)) return d;
  for (const k of [...keys, 'items', 'rows', 'results', 'data']) if (Array.isArray(d?.[k])) return d[k];
  return [];
}
const numOr = (...xs) => { for (const x of xs) if (typeof x === 'number') return x; return NaN; };

export function riskRows(d) {
  return list(d, 'states', 'areas', 'scores').map((r) => ({
    area: r.area ?? r.areaCode ?? r.state ?? r.code,
    score: numOr(r.score, r.index, r.value, r.risk),
    previous: numOr(r.previousScore, r.previous),
    drivers: list(r.drivers ?? r.contributions ?? []),
    domains: r.domains ?? r.byDomain ?? null,
  })).filter((r) => r.area);
}

export function priorityRows(d) {
  return list(d, 'priorities').map((r, i) => ({
    rank: r.rank ?? i + 1,
    domain: r.domain ?? r.code,
    score: numOr(r.score, r.value, r.priority),
    movement: r.movement ?? (typeof r.previousRank === 'number' && r.previousRank > 0 ? Math.sign(r.previousRank - (r.rank ?? i + 1)) : Math.sign(r.change ?? 0)),
  }));
}

export function anomalyRows(d) {
  return list(d, 'anomalies').map((r) => ({
    indicator: r.indicator ?? r.indicatorCode, indicatorName: r.indicatorName,
    area: r.area ?? r.areaCode, period: r.period, value: numOr(r.value), expected: numOr(r.expected),
    score: numOr(r.score), description: r.description ?? '',
  }));
}

export function alertRows(d) {
  return list(d, 'alerts').map((r) => ({
    title: r.title ?? r.description ?? r.rule ?? r.subject ?? '', area: r.area, at: r.at ?? r.when ?? r.created,
    state: r.state ?? r.status,
  }));
}
