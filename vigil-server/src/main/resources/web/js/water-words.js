// The water engine's sentences worded in the reader's language from the structured result
// (AllocationResult's reliefs, conflicts and scenario), not from its English text: binding
// constraints, reliefs grouped by the state they help, the infeasibility explanation and where
// the scenario's inflows come from.
import { getLang, nameOf, num, pct, period, t } from './i18n.js';

/** A basin's name in the current language. */
export const basinName = (b) => (getLang() === 'ru' ? b.nameRu : b.name) || b.code;

/** A stored run in a few words: "#12 dry, max-min, Jan 2027". */
export const runLabel = (r) => `${t('water.runId', { id: r.id })} ${t(`water.scenarioName.${r.scenario}`)}, ${t(`water.fairnessShort.${r.fairness}`)}, ${period(r.start)}`;

/** A node's name in the current language (the basin's namesRu), else its English name. */
export function nodeName(name, namesRu) {
  return getLang() === 'ru' && namesRu?.[name] ? namesRu[name] : name;
}

/** A state's name (UZB/TKM for a border reservoir names both). */
export function stateName(code, areas) {
  return String(code ?? '').split('/').map((c) => nameOf(areas.get(c)) || c).join(' / ');
}

/** A month index of a run (0 = its first month) as a period code. */
export function monthOf(start, index) {
  const [y, m] = start.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + index, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const hm = (v) => num(v, Math.abs(v) >= 100 ? 0 : 1);

/** What a constraint is about: a node, a reach "'A' -> 'B'" or a state. */
function subject(ref, ctx) {
  if (ref.kind === 'QUOTA') return stateName(ref.subject, ctx.areas);
  if (ref.kind === 'LINK_CAPACITY') {
    const m = /^'(.*)' -> '(.*)'$/.exec(ref.subject);
    if (m) return `${nodeName(m[1], ctx.namesRu)} → ${nodeName(m[2], ctx.namesRu)}`;
  }
  return nodeName(ref.subject, ctx.namesRu);
}

/** A constraint group in words: "minimum storage of reservoir Toktogul". */
export function constraintGroup(ref, ctx) {
  return t(`water.constraint.${ref.kind}`, { s: subject(ref, ctx) });
}

/** One constraint in words, with its month unless it spans the horizon. */
export function constraint(ref, ctx) {
  const what = constraintGroup(ref, ctx);
  return ref.month < 0 ? what : t('water.constraintIn', { what, month: period(monthOf(ctx.start, ref.month)) });
}

/** Shortfall per state over the horizon, from the result's state months. */
export function shortfallByState(result) {
  const out = new Map();
  for (const s of result.states ?? []) out.set(s.state, (out.get(s.state) ?? 0) + s.shortfall);
  return out;
}

const EFFECT_TOLERANCE = 1e-6; // as the engine's ReliefFinder

/** What a relief does to one state: removes, cuts or raises its shortfall. */
function effect(state, d, ctx) {
  const before = ctx.base.get(state) ?? 0;
  const name = stateName(state, ctx.areas);
  if (d < 0 && before + d <= EFFECT_TOLERANCE * (1 + before)) return t('water.effect.removes', { state: name, v: hm(before) });
  return t(d < 0 ? 'water.effect.cuts' : 'water.effect.raises', { state: name, d: hm(Math.abs(d)), from: hm(before), to: hm(before + d) });
}

/**
 * A relief as a sentence. ctx: {start, step (the relief step, 0.05), base (shortfall per state),
 * namesRu, areas}.
 */
export function relief(r, ctx) {
  const changes = Object.entries(r.shortfallChangeByState ?? {});
  const effects = changes.length ? changes.map(([s, d]) => effect(s, d, ctx)).join(t('water.effect.join')) : t('water.effect.none');
  const lower = r.relaxedBound < r.bound;
  const months = (r.months ?? [r.constraint.month]).filter((m) => m >= 0).sort((a, b) => a - b);
  const what = months.length ? t('water.constraintIn', { what: constraintGroup(r.constraint, ctx), month: months.map((m) => period(monthOf(ctx.start, m))).join(', ') })
    : constraintGroup(r.constraint, ctx);
  return t(lower ? 'water.relief.lower' : 'water.relief.raise', { what, pct: pct(ctx.step), from: hm(r.bound), to: hm(r.relaxedBound), effects });
}

/**
 * Reliefs merged and grouped for reading. The same relaxation of one constraint in several months
 * with the same effect on every state is one item (its months listed). Each item stands once, under
 * the state whose shortfall it cuts most; per state the largest cut comes first; states in order of
 * their shortfall, largest first. Items that cut no state's total (they lower only the weighted
 * shortfall) come last, under state null.
 */
export function reliefsByState(reliefs, base) {
  const merged = new Map();
  for (const r of reliefs) {
    const effects = Object.entries(r.shortfallChangeByState ?? {}).map(([s, d]) => `${s}:${d.toFixed(3)}`).join(',');
    const key = `${r.constraint.kind}|${r.constraint.subject}|${r.bound}|${r.relaxedBound}|${effects}`;
    if (merged.has(key)) merged.get(key).months.push(r.constraint.month);
    else merged.set(key, { ...r, months: [r.constraint.month] });
  }
  const items = [...merged.values()];
  const best = (r) => Object.entries(r.shortfallChangeByState ?? {}).filter(([, d]) => d < 0).sort((x, y) => x[1] - y[1])[0];
  const states = [...base.keys()].filter((s) => base.get(s) > 0).sort((a, b) => base.get(b) - base.get(a));
  const groups = states.map((s) => ({
    state: s,
    shortfall: base.get(s),
    reliefs: items.filter((r) => best(r)?.[0] === s).sort((a, b) => a.shortfallChangeByState[s] - b.shortfallChangeByState[s]),
  })).filter((g) => g.reliefs.length);
  const other = items.filter((r) => !best(r)).sort((a, b) => a.objectiveChange - b.objectiveChange);
  if (other.length) groups.push({ state: null, shortfall: null, reliefs: other });
  return groups;
}

/** The binding constraints grouped by constraint (kind and subject), with their months. */
export function bindingGroups(reliefs, ctx) {
  const groups = new Map();
  for (const r of reliefs) {
    const key = `${r.constraint.kind}|${r.constraint.subject}`;
    if (!groups.has(key)) groups.set(key, { ref: r.constraint, months: [] });
    if (r.constraint.month >= 0) groups.get(key).months.push(r.constraint.month);
  }
  return [...groups.values()].map((g) => ({
    text: constraintGroup(g.ref, ctx),
    months: [...new Set(g.months)].sort((a, b) => a - b).map((m) => period(monthOf(ctx.start, m))),
  }));
}

/** Why an infeasible scenario has no allocation, from its conflicts. */
export function infeasibility(result, ctx) {
  const conflicts = result.conflicts ?? [];
  if (!conflicts.length) return [t('water.infeasible.network')];
  const inConflict = conflicts.filter((c) => c.inConflict).map((c) => constraintGroup(c.group, ctx));
  const out = [t('water.infeasible'), inConflict.length === 1 ? t('water.infeasible.one', { what: inConflict[0] })
    : t('water.infeasible.many', { list: inConflict.join('; ') })];
  const relax = conflicts.filter((c) => c.relaxation > 0).map((c) => {
    const args = { what: constraintGroup(c.group, ctx), v: hm(c.relaxation) };
    return c.months?.length ? t('water.infeasible.relaxIn', { ...args, months: c.months.map(period).join(', ') }) : t('water.infeasible.relaxBy', args);
  });
  if (relax.length) out.push(t('water.infeasible.relax', { list: relax.join('; ') }));
  return out;
}

/** Where the scenario's inflows come from (inputs.scenario of a stored run). */
export function scenarioStatement(s) {
  const args = { scenario: t(`water.scenarioName.${s.name}`), q: pct(s.quantile) };
  return Number.isFinite(s.historyMonths) ? t('water.scenarioText', { ...args, n: s.historyMonths }) : t('water.scenarioTextShort', args);
}

/** The engine's remarks: the known one worded, any other as the engine wrote it. */
export function diagnostic(text) {
  const m = /^relief: (\d+) active constraints not checked after (\d+) re-solves/.exec(text);
  return m ? t('water.diag.relief', { n: m[1], checks: m[2] }) : text;
}

/** Per state series of a result: months in order, with demand, delivered and shortfall arrays. */
export function stateSeries(res) {
  const months = [...new Set(res.states.map((s) => s.month))].sort((a, b) => a - b);
  const states = [...new Set(res.states.map((s) => s.state))].sort();
  const at = new Map(res.states.map((s) => [`${s.state}|${s.month}`, s]));
  const pick = (state, f) => months.map((m) => at.get(`${state}|${m}`)?.[f] ?? null);
  return { periods: months.map((m) => monthOf(res.start, m)), states: states.map((s) => ({ state: s, demand: pick(s, 'demand'), delivered: pick(s, 'delivered'), shortfall: pick(s, 'shortfall') })) };
}
