// Small DOM builders: text goes in as text nodes, never as HTML.
import { t } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
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

/** A table; cells may be nodes or text; numeric columns are named in `numeric` by index. */
export function table(headers, rows, { numeric = [], caption } = {}) {
  return h('table', {},
    caption ? h('caption', { class: 'sr' }, caption) : null,
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : null }, c))))));
}

/** Why a panel is empty: the endpoint is missing, forbidden, failing, or there is no data. */
export function unavailable(what, result) {
  if (result?.missing) return h('p', { class: 'unavailable', role: 'status' }, t('unavailable', { what }));
  if (result?.forbidden) return h('p', { class: 'unavailable', role: 'status' }, t('unavailable.forbidden', { what }));
  if (result?.error) return h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${result.error.message}`);
  return h('p', { class: 'muted' }, t('unavailable.empty'));
}

export function card(title, ...children) {
  return h('section', { class: 'card', 'aria-label': title }, h('h2', {}, title), ...children);
}

export function synthMark(indicator) {
  return indicator?.synthetic ? h('span', { class: 'synthetic', title: t('synthetic.note') }, ' ', t('synthetic')) : null;
}

export function movement(m) {
  if (m > 0) return h('span', { class: 'up' }, t('move.up'));
  if (m < 0) return h('span', { class: 'down' }, t('move.down'));
  return t('move.same');
}
