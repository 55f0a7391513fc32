// Programmes: scorecard, KPI drift probabilities, adjustment proposals, revision history with diffs.
import { optional } from '../api.js';
import { card, code as codeEl, h, table, unavailable } from '../dom.js';
import { date, getLang, label, nameOf, pct, period, t, value } from '../i18n.js';
import { areaByCode, indicatorByCode } from '../ref.js';

const title = (p) => (getLang() === 'ru' ? p.titleRu : p.titleEn) || p.titleEn || p.code;

export async function render(view, { query }) {
  const listBox = h('div', { id: 'programme-list' }, h('p', { class: 'loading' }, t('loading')));
  const detail = h('div', { id: 'programme-detail' });
  view.replaceChildren(h('h1', {}, t('prog.title')), card(t('prog.list'), listBox), detail);
  const res = await optional('/api/programmes');
  if (!res.ok || !res.data.length) {
    listBox.replaceChildren(res.ok ? h('p', { class: 'muted' }, t('prog.none')) : unavailable(t('prog.title'), res));
    view.dataset.rendered = 'true';
    view.dataset.complete = 'true';
    return;
  }
  const code = query.get('code') || res.data[0].code;
  listBox.replaceChildren(table([t('col.id'), t('col.title'), t('prog.period'), t('prog.version')], res.data.map((p) => [
    h('a', { href: `#/programmes?code=${encodeURIComponent(p.code)}`, 'aria-current': p.code === code ? 'true' : null, translate: 'no', class: 'code' }, p.code), title(p),
    `${date(p.start)} – ${date(p.end)}`, String(p.activeVersion)])));
  view.dataset.rendered = 'true';
  await showDetail(detail, code);
  view.dataset.complete = 'true';
}

async function showDetail(box, code) {
  const c = encodeURIComponent(code);
  const [score, drift, revisions, programme, areas, indicators] = await Promise.all([
    optional(`/api/programmes/${c}/scorecard`), optional(`/api/programmes/${c}/drift`), optional(`/api/programmes/${c}/revisions`),
    optional(`/api/programmes/${c}`), areaByCode(), indicatorByCode()]);
  const objectives = new Map((programme.ok ? findObjectives(programme.data) : []).map((o) => [o.code, o]));
  const kpis = drift.ok ? drift.data.kpis ?? [] : [];
  const proposals = kpis.flatMap((k) => (k.proposals ?? []).map((p) => ({ ...p, k })));
  const revs = revisions.ok ? revisions.data : [];
  const diffs = await Promise.all(revs.filter((r) => r.baseVersion > 0).map((r) =>
    optional(`/api/programmes/${c}/diff`, { from: r.baseVersion, to: r.version }).then((d) => [r, d])));
  const ind = (k) => indicators.get(k.indicator);
  box.replaceChildren(h('div', { class: 'grid' },
    card(t('prog.scorecard'), score.ok ? scorecard(score.data, objectives, areas) : unavailable(t('prog.scorecard'), score)),
    card(t('prog.drift'), kpis.length ? table([t('prog.kpi'), t('col.indicator'), t('col.area'), t('prog.target'), t('col.status'), t('prog.probability')],
      kpis.map((k) => [codeEl(k.kpi), ind(k) ? nameOf(ind(k)) : k.indicator, nameOf(areas.get(k.area)) || k.area,
        `${k.direction === 'AT_MOST' ? '≤' : '≥'} ${value(k.target, ind(k))} (${period(k.deadline)})`, label('drift', k.status), pct(k.probability)]), { numeric: [5], id: 'drift-table' })
      : unavailable(t('prog.drift'), drift.ok ? null : drift))),
  h('div', { class: 'grid' },
    card(t('prog.proposals'), proposals.length ? h('ul', { class: 'plain', id: 'proposals' }, proposals.map((p) => h('li', {}, codeEl(p.k.kpi), ': ', proposal(p, ind(p.k)))))
      : h('p', { class: 'muted' }, t('prog.noProposals'))),
    card(t('prog.revisions'), revs.length ? h('div', { id: 'programme-revisions' }, revs.map((r) => revision(r, diffs.find(([x]) => x.version === r.version)?.[1])))
      : unavailable(t('prog.revisions'), revisions.ok ? null : revisions))));
}

/** Objectives wherever the programme's JSON keeps them (content.objectives or objectives). */
function findObjectives(p) {
  return p?.objectives ?? p?.content?.objectives ?? p?.current?.objectives ?? [];
}

function proposal(p, ind) {
  const args = { target: value(p.newTarget, ind), deadline: period(p.newDeadline), p: pct(p.probability), measures: (p.measures ?? []).join(', ') };
  return label('proposal', p.kind) === p.kind ? p.summary : t(`proposal.${p.kind}`, args);
}

function scorecard(s, objectives, areas) {
  const name = (r) => {
    if (r.key === 'ALL') return t('prog.total');
    const o = objectives.get(r.key);
    if (o) return (getLang() === 'ru' ? o.titleRu : o.titleEn) || r.label;
    if (areas.get(r.key)) return nameOf(areas.get(r.key));
    return r.label;
  };
  const row = (r) => [name(r), `${r.done} / ${r.measures}`, String(r.late), `${r.kpisMet} / ${r.kpis}`, pct(r.kpiProgress), pct(r.compliance)];
  return h('div', {}, h('p', { class: 'muted' }, t('prog.asOf', { v: s.version, d: date(s.current.asOf) })),
    table([t('col.name'), t('prog.measuresDone'), t('prog.late'), t('prog.kpisMet'), t('prog.kpiProgress'), t('prog.compliance')],
      [s.current.total, ...s.current.objectives, ...s.current.states].map(row), { numeric: [2, 4, 5] }));
}

function revision(r, diff) {
  const changes = diff?.ok ? diff.data.changes ?? [] : [];
  return h('div', {}, h('h2', {}, t('prog.revisionTitle', { v: r.version, state: label('revState', r.state), d: date(r.createdAt?.slice(0, 10)) })),
    r.reason ? h('p', {}, t('prog.reason'), ': ', h('span', { translate: 'no' }, r.reason)) : null,
    r.awaitingConsentOf?.length ? h('p', { class: 'muted awaiting-consent' }, t('prog.awaiting', { parties: r.awaitingConsentOf.join(', ') })) : null,
    changes.length ? h('ul', { class: 'plain' }, changes.map((c) => h('li', {}, `${label('diffKind', c.kind)} `, codeEl(c.path), ': ',
      h('span', { class: 'diff-del', translate: 'no' }, c.before ?? ''), ' → ', h('span', { class: 'diff-add', translate: 'no' }, c.after ?? '')))) : '');
}
