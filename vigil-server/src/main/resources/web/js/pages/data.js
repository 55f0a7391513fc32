// Data: upload a file and see its validation report (data stewards and admins); the history of
// submissions of the user's organisation (every organisation's for system admins).
import { api, ApiError, optional } from '../api.js';
import { card, code, h, pager, table, unavailable } from '../dom.js';
import { count, dateTime, label, nameOf, t } from '../i18n.js';
import { areaByCode } from '../ref.js';

const PAGE = 20;

export async function render(view, { me, query }) {
  const canUpload = (me.can ?? []).includes('data.upload');
  const reported = h('div', { id: 'reported' }, h('p', { class: 'loading' }, t('loading')));
  const orgFilter = h('select', { id: 'reported-org' });
  view.replaceChildren(...[h('h1', {}, t('data.title')),
    canUpload ? card(t('data.upload'), ...uploadForm(() => history(reported, orgFilter, 0))) : null,
    card(t('data.reported'), h('div', { class: 'controls' }, h('label', { for: 'reported-org' }, t('col.org'), orgFilter)), reported)].filter(Boolean));
  const [orgs, areas] = await Promise.all([optional('/api/organisations'), areaByCode()]);
  const list = orgs.ok ? orgs.data : [];
  const own = list.filter((o) => me.role === 'SYSTEM_ADMIN' || o.id === me.organisation);
  orgFilter.replaceChildren(...(me.role === 'SYSTEM_ADMIN' ? [h('option', { value: '' }, t('data.allOrgs'))] : []),
    ...own.map((o) => h('option', { value: o.id, selected: o.id === query.get('org') }, orgName(o, areas))));
  orgFilter.addEventListener('change', () => history(reported, orgFilter, 0));
  await history(reported, orgFilter, 0);
  view.dataset.rendered = 'true';
  view.dataset.complete = 'true';
}

function orgName(o, areas) {
  return o.secretariat ? t('org.secretariat') : t('org.council', { area: nameOf(areas.get(o.area)) });
}

async function history(box, orgFilter, offset) {
  const res = await optional('/api/batches', { organisation: orgFilter.value, limit: PAGE, offset });
  if (!res.ok) return box.replaceChildren(unavailable(t('data.reported'), res));
  const items = res.data.items ?? [];
  if (!items.length) return box.replaceChildren(h('p', { class: 'muted', id: 'reported-none' }, t('data.noBatches')));
  box.replaceChildren(table([t('col.when'), t('col.file'), t('data.format'), t('col.rows'), t('data.added'), t('data.rejectedRows'), t('col.user'), t('col.org')],
    items.map((b) => [dateTime(b.at), code(b.sourceFile), label('format', b.format), count(b.rowsRead), count(b.rowsAdded), count(b.rowsRejected), code(b.user), code(b.organisation)]),
    { numeric: [3, 4, 5], id: 'reported-table' }),
  pager({ total: res.data.total, limit: PAGE, offset, id: 'reported-pager', onPage: (o) => history(box, orgFilter, o) }));
}

function uploadForm(onStored) {
  const file = h('input', { type: 'file', id: 'upload-file', name: 'file', required: true, accept: '.csv,.json,.txt' });
  const format = h('select', { id: 'upload-format' }, ['long-csv', 'owid', 'sdmx-csv', 'json'].map((f) => h('option', { value: f }, label('format', f))));
  const cls = h('select', { id: 'upload-classification' }, ['NATIONAL', 'RESTRICTED', 'SHARED', 'PUBLIC'].map((c) => h('option', { value: c }, label('classification', c))));
  const keep = h('input', { type: 'checkbox', id: 'upload-keep' });
  const result = h('div', { id: 'upload-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', id: 'upload-form', onsubmit: async (ev) => {
    ev.preventDefault();
    if (!file.files.length) return;
    const body = new FormData();
    body.append('file', file.files[0]);
    result.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    try {
      const r = await api(`/api/ingest?${new URLSearchParams({ format: format.value, classification: cls.value, keepGoodRows: keep.checked })}`, { method: 'POST', body });
      result.replaceChildren(h('p', { class: 'ok', id: 'upload-ok' }, r.alreadyLoaded ? t('data.already')
        : t('data.accepted', { id: r.batch?.id, added: r.batch?.rowsAdded, read: r.batch?.rowsRead })), rejections(r.rejections));
      onStored();
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : {};
      result.replaceChildren(h('div', { class: 'error', id: 'upload-error', role: 'alert' }, h('strong', {}, t('data.rejected')), h('br'),
        h('span', { translate: 'no' }, p.detail || e.message)), rejections(p.rejections));
    }
  } },
  h('label', { for: 'upload-file' }, t('data.file'), file), h('label', { for: 'upload-format' }, t('data.format'), format),
  h('label', { for: 'upload-classification' }, t('data.classification'), cls), h('label', { class: 'check', for: 'upload-keep' }, keep, t('data.keep')),
  h('button', { class: 'primary', type: 'submit', id: 'upload-send' }, t('data.send')));
  return [form, result];
}

function rejections(list) {
  if (!Array.isArray(list) || !list.length) return '';
  return h('div', {}, h('h2', {}, t('data.rejections')), table([t('col.file'), t('col.line'), t('col.field'), t('col.expected'), t('col.found')],
    list.slice(0, 200).map((r) => [code(r.file ?? ''), String(r.line ?? ''), code(r.field ?? ''), h('span', { translate: 'no' }, r.expected ?? ''), code(r.found ?? '')]), { numeric: [1] }));
}
