// Programmes: scorecard, KPI drift probabilities, adjustment proposals, revision history with diffs.
import { optional } from '../api.js';
import { card, h, table, unavailable } from '../dom.js';
import { date, getLang, num, pct, t } from '../i18n.js';

const title = (p) => (getLang() === 'ru' ? p.titleRu : p.titleEn) || p.titleEn || p.code;

export async function render(view, { query }) {
  const listBox = h('div', { id: 'programme-list' }, h('p', { class: 'loading' }, t('loading')));
  const detail = h('div', { id: 'programme-detail' });
  view.replaceChildren(h('h1', {}, t('prog.title')), card(t('prog.list'), listBox), detail);
  const res = await optional('/api/programmes');
  if (!res.ok || !res.data.length) {
    listBox.replaceChildren(unavailable(t('prog.title'), res.ok ? null : res));
    view.dataset.rendered = 'true';
    return;
  }
  const code = query.get('code') || res.data[0].code;
  listBox.replaceChildren(table([t('col.id'), t('col.title'), t('prog.period'), t('prog.version')], res.data.map((p) => [
    h('a', { href: `#/programmes?code=${encodeURIComponent(p.code)}`, 'aria-current': p.code === code ? 'true' : null }, p.code), title(p),
    `${date(p.start)} – ${date(p.end)}`, String(p.activeVersion)])));
  view.dataset.rendered = 'true';
  await showDetail(detail, code);
  view.dataset.complete = 'true';
}

async function showDetail(box, code) {
  const c = encodeURIComponent(code);
  const [score, drift, revisions] = await Promise.all([
    optional(`/api/programmes/${c}/scorecard`), optional(`/api/programmes/${c}/drift`), optional(`/api/programmes/${c}/revisions`)]);
  const kpis = drift.ok ? drift.data.kpis ?? [] : [];
  const proposals = kpis.flatMap((k) => (k.proposals ?? []).map((p) => ({ ...p, kpi: k.kpi })));
  const revs = revisions.ok ? revisions.data : [];
  const diffs = await Promise.all(revs.filter((r) => r.baseVersion > 0).map((r) =>
    optional(`/api/programmes/${c}/diff`, { from: r.baseVersion, to: r.version }).then((d) => [r, d])));
  box.replaceChildren(h('div', { class: 'grid' },
    card(t('prog.scorecard'), score.ok ? scorecard(score.data) : unavailable(t('prog.scorecard'), score)),
    card(t('prog.drift'), kpis.length ? table([t('prog.kpi'), t('col.indicator'), t('col.area'), t('prog.target'), t('col.status'), t('prog.probability')],
      kpis.map((k) => [k.kpi, k.indicator, k.area, `${k.direction === 'AT_MOST' ? '≤' : '≥'} ${num(k.target)} (${k.deadline})`, k.status, pct(k.probability)]), { numeric: [5] })
      : unavailable(t('prog.drift'), drift.ok ? null : drift))),
  h('div', { class: 'grid' },
    card(t('prog.proposals'), proposals.length ? h('ul', { class: 'plain' }, proposals.map((p) => h('li', {}, `${p.kpi}: `, p.description ?? p.kind ?? p.summary ?? JSON.stringify(p))))
      : h('p', { class: 'muted' }, t('unavailable.empty'))),
    card(t('prog.revisions'), revs.length ? h('div', { id: 'programme-revisions' }, revs.map((r) => revision(r, diffs.find(([x]) => x.version === r.version)?.[1])))
      : unavailable(t('prog.revisions'), revisions.ok ? null : revisions))));
}

function scorecard(s) {
  const row = (r) => [r.label, `${r.done} / ${r.measures}`, String(r.late), `${r.kpisMet} / ${r.kpis}`, pct(r.kpiProgress), pct(r.compliance)];
  return h('div', {}, h('p', { class: 'muted' }, `v${s.version} · ${date(s.current.asOf)} · ${s.note ?? ''}`),
    table([t('col.name'), t('prog.measuresDone'), t('prog.late'), t('prog.kpisMet'), t('prog.kpiProgress'), t('prog.compliance')],
      [s.current.total, ...s.current.objectives, ...s.current.states].map(row), { numeric: [2, 4, 5] }));
}

function revision(r, diff) {
  const changes = diff?.ok ? diff.data.changes ?? [] : [];
  return h('div', {}, h('h2', {}, `v${r.version} · ${r.state} · ${date(r.createdAt?.slice(0, 10))}`), h('p', {}, r.reason ?? ''),
    changes.length ? h('ul', { class: 'plain' }, changes.map((c) => h('li', {}, `${c.kind} ${c.path}: `,
      h('span', { class: 'diff-del' }, c.before ?? ''), ' → ', h('span', { class: 'diff-add' }, c.after ?? '')))) : '');
}
