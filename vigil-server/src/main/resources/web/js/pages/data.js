// Data: upload a file and see its validation report; what each state reported and when.
import { api, ApiError, optional } from '../api.js';
import { card, h, table, unavailable } from '../dom.js';
import { dateTime, t } from '../i18n.js';

export async function render(view) {
  const file = h('input', { type: 'file', id: 'upload-file', name: 'file', required: true, accept: '.csv,.json,.txt' });
  const format = h('select', { id: 'upload-format' }, ['long-csv', 'owid', 'sdmx-csv', 'json'].map((f) => h('option', { value: f }, f)));
  const cls = h('select', { id: 'upload-classification' }, ['NATIONAL', 'RESTRICTED', 'SHARED', 'PUBLIC'].map((c) => h('option', { value: c }, c)));
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
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : {};
      result.replaceChildren(h('div', { class: 'error', id: 'upload-error', role: 'alert' }, h('strong', {}, t('data.rejected')), h('br'), p.detail || e.message),
        rejections(p.rejections));
    }
  } },
  h('label', { for: 'upload-file' }, t('data.file'), file), h('label', { for: 'upload-format' }, t('data.format'), format),
  h('label', { for: 'upload-classification' }, t('data.classification'), cls), h('label', { class: 'check', for: 'upload-keep' }, keep, t('data.keep')),
  h('button', { class: 'primary', type: 'submit', id: 'upload-send' }, t('data.send')));
  const reported = h('div', { id: 'reported' }, h('p', { class: 'loading' }, t('loading')));
  view.replaceChildren(h('h1', {}, t('data.title')), card(t('data.upload'), form, result), card(t('data.reported'), reported));
  const res = await optional('/api/batches');
  if (!res.ok) reported.replaceChildren(unavailable(t('data.reported'), res));
  else {
    const items = Array.isArray(res.data) ? res.data : res.data.items ?? [];
    reported.replaceChildren(items.length ? table([t('col.org'), t('col.file'), t('col.rows'), t('col.user'), t('col.when')],
      items.map((b) => [b.organisation ?? '', b.sourceFile ?? b.file ?? '', String(b.rowsAdded ?? ''), b.user ?? '', dateTime(b.at)]), { numeric: [2] }) : unavailable('', null));
  }
  view.dataset.rendered = 'true';
}

function rejections(list) {
  if (!Array.isArray(list) || !list.length) return '';
  return h('div', {}, h('h2', {}, t('data.rejections')), table([t('col.file'), t('col.line'), t('col.field'), t('col.expected'), t('col.found')],
    list.slice(0, 200).map((r) => [r.file ?? '', String(r.line ?? ''), r.field ?? '', r.expected ?? '', r.found ?? '']), { numeric: [1] }));
}
