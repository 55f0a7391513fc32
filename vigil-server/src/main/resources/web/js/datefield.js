// A day typed in the page's language. The browser's <input type=date> shows the browser's format
// ("mm/dd/yyyy" in an English browser on a Russian page), so the filters use a text field instead:
// Russian pages read and show ДД.ММ.ГГГГ (the Russian convention); English pages read and show
// ISO 8601 (YYYY-MM-DD), which no English reader takes for another day (03/04 is March in the US
// and April in Britain) and which is what the URL, the API, the CSV files and the CLI use. Both
// pages also take ISO (a date pasted from the URL or an export). The URL always keeps ISO.
import { h } from './dom.js';
import { getLang, t } from './i18n.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Reads text typed in `lang` ("en" or "ru"): `{ iso: '' }` when blank, `{ iso }` for a calendar
 * day, else `{ error }` with a sentence in the page's language naming the text and the format.
 */
export function parseDay(text, lang = getLang()) {
  const s = String(text ?? '').trim();
  if (!s) return { iso: '' };
  let m = ISO.exec(s);
  let y; let mo; let d;
  if (m) [, y, mo, d] = m;
  else if (lang === 'ru' && (m = RU.exec(s))) [, d, mo, y] = m;
  else return { error: t('date.format', { value: s, format: t('date.placeholder'), example: t('date.example') }) };
  const day = new Date(Date.UTC(+y, +mo - 1, +d));
  if (+mo < 1 || +mo > 12 || day.getUTCFullYear() !== +y || day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d) {
    return { error: t('date.noSuchDay', { value: s }) };
  }
  return { iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** An ISO day as the page's language writes it in the field; anything else as it is. */
export function showDay(iso, lang = getLang()) {
  const m = ISO.exec(String(iso ?? ''));
  if (!m || lang !== 'ru') return iso ?? '';
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * A from/to pair of day fields with one message line for both. `read()` returns `{ from, to }` in
 * ISO (empty when blank), or null after showing what is wrong and focusing the field to fix.
 */
export function dayRange(prefix, { from = '', to = '' } = {}) {
  const message = h('p', { class: 'field-error', id: `${prefix}-date-error`, role: 'alert', hidden: true });
  const field = (id, iso) => h('input', {
    type: 'text', id, value: showDay(iso), placeholder: t('date.placeholder'), title: t('date.hint', { example: t('date.example') }),
    inputmode: 'numeric', autocomplete: 'off', size: 11, maxlength: 10, 'aria-describedby': message.id, dataset: { iso },
  });
  const fromEl = field(`${prefix}-from`, from);
  const toEl = field(`${prefix}-to`, to);
  let focus = false;
  const show = (text, el) => {
    message.textContent = text;
    message.hidden = !text;
    [fromEl, toEl].forEach((x) => x.removeAttribute('aria-invalid'));
    if (el) el.setAttribute('aria-invalid', 'true');
    if (el && focus) el.focus();
  };
  const check = () => {
    const a = parseDay(fromEl.value);
    if (a.error) { show(a.error, fromEl); return null; }
    const b = parseDay(toEl.value);
    if (b.error) { show(b.error, toEl); return null; }
    if (a.iso && b.iso && a.iso > b.iso) {
      show(t('date.order', { from: fromEl.value.trim(), to: toEl.value.trim() }), toEl);
      return null;
    }
    show('');
    fromEl.dataset.iso = a.iso;
    toEl.dataset.iso = b.iso;
    return { from: a.iso, to: b.iso };
  };
  // On submit the field to fix gets the focus; a day typed and left is only checked (moving the
  // focus back there would trap the reader), and a corrected one clears the message.
  const read = () => { focus = true; try { return check(); } finally { focus = false; } };
  [fromEl, toEl].forEach((el) => el.addEventListener('change', check));
  return { from: fromEl, to: toEl, message, read };
}
