// Programmes: scorecard, KPI drift probabilities, proposals, revision history with diffs.
import { optional } from '../api.js';
import { card, h, table, unavailable } from '../dom.js';
import { date, num, pct, t } from '../i18n.js';

export async function render(view, { query }) {
  const listBox = h('div', { id: 'programme-list' }, h('p', { class: 'loading' }, t('loading')));
  const detail = h('div', { id: 'programme-detail' });
  view.replaceChildren(h('h1', {}, t('prog.title')), card(t('prog.scorecard'), listBox), detail);
  const res = await optional('/api/programmes');
  if (!res.ok) { listBox.replaceChildren(unavailable(t('prog.title'), res)); view.dataset.rendered = 'true'; return; }
  const items = Array.isArray(res.data) ? res.data : res.data.items ?? [];
  if (!items.length) { listBox.replaceChildren(unavailable(t('prog.title'), null)); view.dataset.rendered = 'true'; return; }
  listBox.replaceChildren(table([t('col.id'), t('col.title'), t('col.status'), t('col.score')], items.map((p) => [
    h('a', { href: `#/programmes?id=${encodeURIComponent(p.id ?? p.code)}` }, String(p.id ?? p.code)), title(p), p.status ?? '—', typeof p.attainment === 'number' ? pct(p.attainment) : num(p.score)])));
  const id = query.get('id') || String(items[0].id ?? items[0].code);
  await showDetail(detail, id);
  view.dataset.rendered = 'true';
}

const title = (p) => (document.documentElement.lang === 'ru' ? p.titleRu : p.titleEn) || p.title || p.name || '';

async function showDetail(box, id) {
  const [p, drift, revisions] = await Promise.all([
    optional(`/api/programmes/${encodeURIComponent(id)}`),
    optional(`/api/programmes/${encodeURIComponent(id)}/drift`),
    optional(`/api/programmes/${encodeURIComponent(id)}/revisions`)]);
  const driftRows = drift.ok ? (Array.isArray(drift.data) ? drift.data : drift.data.kpis ?? drift.data.items ?? []) : [];
  const proposals = drift.ok ? drift.data.proposals ?? [] : [];
  const revs = revisions.ok ? (Array.isArray(revisions.data) ? revisions.data : revisions.data.items ?? []) : [];
  box.replaceChildren(h('div', { class: 'grid' },
    card(`${t('prog.scorecard')}: ${p.ok ? title(p.data) : id}`, p.ok ? h('pre', { class: 'muted' }, summary(p.data)) : unavailable(t('prog.scorecard'), p)),
    card(t('prog.drift'), driftRows.length ? table([t('col.indicator'), t('col.area'), t('col.status'), t('col.score')],
      driftRows.map((k) => [k.kpi ?? k.indicator ?? '', k.area ?? '', k.status ?? '', pct(k.probability ?? k.probabilityOfMissing ?? NaN)])) : unavailable(t('prog.drift'), drift.ok ? null : drift)),
    card(t('prog.proposals'), proposals.length ? h('ul', { class: 'plain' }, proposals.map((x) => h('li', {}, x.description ?? x.kind ?? JSON.stringify(x)))) : unavailable(t('prog.proposals'), drift.ok ? null : drift)),
    card(t('prog.revisions'), revs.length ? h('div', {}, revs.map(revision)) : unavailable(t('prog.revisions'), revisions.ok ? null : revisions))));
}

function summary(p) {
  const keys = ['period', 'parties', 'objectives', 'measures', 'kpis'];
  return keys.filter((k) => p[k] !== undefined).map((k) => `${k}: ${Array.isArray(p[k]) ? p[k].length : p[k]}`).join('\n');
}

function revision(r) {
  const changes = r.changes ?? r.diff ?? [];
  return h('div', {}, h('h2', {}, `${r.version ?? r.id ?? ''} · ${date(r.at ?? r.date)} · ${r.reason ?? ''}`),
    h('ul', { class: 'plain' }, changes.map((c) => h('li', {}, `${c.path ?? c.field ?? ''}: `,
      h('span', { class: 'diff-del' }, String(c.before ?? c.old ?? '')), ' → ', h('span', { class: 'diff-add' }, String(c.after ?? c.new ?? ''))))));
}
