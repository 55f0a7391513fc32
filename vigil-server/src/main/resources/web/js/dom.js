// Small DOM builders: text goes in as text nodes, never as HTML.
import { getLang, t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = tag === 'svg' || tag === 'polyline' || tag === 'circle' || tag === 'line'
    ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A code or proper name that stays as it is in every language (user names, file names, ids). */
export function code(text) {
  return h('span', { class: 'code', translate: 'no' }, text ?? '');
}

/** A range in a heading ("(0–10)") stays on one line: a word joiner after its dash. */
function keepRange(x) {
  return typeof x === 'string' ? x.replace(/(\d)–(\d)/g, '$1–\u2060$2') : x;
}

/** A table; cells may be nodes or text; numeric columns are named in `numeric` by index. */
export function table(headers, rows, { numeric = [], caption, id } = {}) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    caption ? h('caption', { class: 'sr' }, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, keepRange(x))))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : null }, c)))))));
}

/**
 * An error shown to a user: what went wrong in the user's language (from the HTTP status), and
 * the server's own words behind "Details".
 */
export function errorBox(e) {
  const status = e?.status;
  const key = status && `err.${status}`;
  const text = status && t(key) !== key ? t(key) : t('err.other');
  const detail = e?.problem?.detail || e?.message;
  return h('div', { class: 'error', role: 'alert' }, h('p', {}, text),
    detail && getLang() !== 'en' ? h('details', {}, h('summary', {}, t('details')), h('p', { translate: 'no' }, detail))
      : detail ? h('p', {}, detail) : null);
}

/** Why a panel is empty: forbidden, failing, or there is no data. */
export function unavailable(what, result) {
  if (result?.forbidden) return h('p', { class: 'muted', role: 'status' }, t('unavailable.forbidden', { what }));
  if (result?.error) return errorBox(result.error);
  return h('p', { class: 'muted' }, t('unavailable.empty'));
}

export function card(title, ...children) {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
}

/** "◆ synthetic" after an item the API marks synthetic (a series, or a text or event with noteKey). */
export function synthMark(item, noteKey = 'synthetic.note') {
  return item?.synthetic ? h('span', { class: 'synthetic', title: t(noteKey) }, ' ', t('synthetic')) : null;
}

/**
 * Where a text, document or event comes from: the demo's own sources in the page's language (the
 * API names their label's key), any other source's name as it is (it is data), then the mark.
 */
export function sourceOf(item) {
  return [item?.sourceKey ? h('span', { class: 'source' }, t(item.sourceKey)) : code(item?.source),
    synthMark(item, 'synthetic.text.note')];
}

export function movement(m) {
  if (m > 0) return h('span', { class: 'up' }, t('move.up'));
  if (m < 0) return h('span', { class: 'down' }, t('move.down'));
  return t('move.same');
}

/** A tiny line of the last values, with the latest point marked. */
export function sparkline(values, { width = 120, height = 28, label } = {}) {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length < 2) return h('span', { class: 'muted' }, '—');
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  const x = (i) => (i / (v.length - 1)) * (width - 4) + 2;
  const y = (d) => height - 3 - (hi === lo ? 0.5 : (d - lo) / (hi - lo)) * (height - 6);
  const pts = v.map((d, i) => `${x(i).toFixed(1)},${y(d).toFixed(1)}`).join(' ');
  return h('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label || '' },
    h('polyline', { points: pts, fill: 'none', stroke: '#1f4e79', 'stroke-width': 1.5 }),
    h('circle', { cx: x(v.length - 1), cy: y(v[v.length - 1]), r: 2.5, fill: '#c0392b' }));
}

/** Previous/next buttons and "21–40 of 131" for a paged list. */
export function pager({ total, limit, offset, onPage, id }) {
  if (total <= limit) return h('p', { class: 'muted' }, t('page.all', { n: total }));
  const from = total ? offset + 1 : 0;
  const to = Math.min(total, offset + limit);
  return h('div', { class: 'pager', id },
    h('button', { type: 'button', class: 'prev', disabled: offset <= 0, onclick: () => onPage(Math.max(0, offset - limit)) }, t('page.prev')),
    h('span', {}, t('page.range', { from, to, n: total })),
    h('button', { type: 'button', class: 'next', disabled: to >= total, onclick: () => onPage(offset + limit) }, t('page.next')));
}

/**
 * A searchable multi-select: type to filter, tick to choose, chosen items shown as removable
 * chips. options: [{value, label}]; onChange(values) after each change.
 */
export function multiSelect({ id, options, selected = [], onChange, placeholder }) {
  const chosen = new Set(selected);
  const chips = h('div', { class: 'chips', id: `${id}-chips` });
  const search = h('input', { type: 'search', id: `${id}-search`, placeholder: placeholder ?? t('ms.search'), autocomplete: 'off', 'aria-controls': `${id}-list` });
  const list = h('ul', { class: 'ms-list', id: `${id}-list`, role: 'listbox', 'aria-multiselectable': 'true' });
  const changed = () => { drawChips(); drawList(); onChange?.([...chosen]); };
  const drawChips = () => chips.replaceChildren(...options.filter((o) => chosen.has(o.value)).map((o) =>
    h('button', { type: 'button', class: 'chip', translate: o.keep ? 'no' : null, dataset: { value: o.value }, title: t('ms.remove'), onclick: () => { chosen.delete(o.value); changed(); } }, o.label, ' ×')));
  const drawList = () => {
    const q = search.value.trim().toLowerCase();
    list.replaceChildren(...options.filter((o) => !q || o.label.toLowerCase().includes(q) || o.value.toLowerCase().includes(q)).map((o) => {
      const box = h('input', { type: 'checkbox', value: o.value, checked: chosen.has(o.value), id: `${id}-${o.value}` });
      box.addEventListener('change', () => { if (box.checked) chosen.add(o.value); else chosen.delete(o.value); changed(); });
      return h('li', { role: 'option', 'aria-selected': chosen.has(o.value) ? 'true' : 'false' }, h('label', { class: 'check', for: `${id}-${o.value}`, translate: o.keep ? 'no' : null }, box, o.label));
    }));
  };
  search.addEventListener('input', drawList);
  drawChips();
  drawList();
  const el = h('div', { class: 'multiselect', id }, chips, search, list);
  el.values = () => [...chosen];
  return el;
}
