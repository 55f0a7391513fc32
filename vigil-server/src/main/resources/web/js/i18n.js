// Every label of the web UI comes from the server's translation files (GET /api/i18n/{lang}, the
// same files reports and the CLI read): add a key to both messages_en.properties and
// messages_ru.properties in vigil-model. Number and date formats come from Intl.
import { THREAT_DOMAINS } from './domains.js';

const dicts = {};
let lang = localStorage.getItem('vigil.lang') === 'ru' ? 'ru' : 'en';
const listeners = [];

async function fetchDict(l) {
  if (!dicts[l]) {
    const res = await fetch(`/api/i18n/${l}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error(`Translations for ${l}: HTTP ${res.status}`);
    dicts[l] = await res.json();
  }
  return dicts[l];
}

/** Loads the current language (and English, the fallback) before anything is drawn. */
export async function loadTranslations() {
  await Promise.all([fetchDict('en'), fetchDict(lang)]);
}

export function getLang() { return lang; }
export async function setLang(l) {
  lang = l === 'ru' ? 'ru' : 'en';
  await loadTranslations();
  localStorage.setItem('vigil.lang', lang);
  document.documentElement.lang = lang;
  listeners.forEach((f) => f(lang));
}
export function onLangChange(f) { listeners.push(f); }

/** The label for key, with {name} placeholders filled from args. */
export function t(key, args = {}) {
  const s = dicts[lang]?.[key] ?? dicts.en?.[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in args ? String(args[k]) : `{${k}}`));
}

/**
 * The label for a count: key.one, key.few, key.many (Intl.PluralRules of the current language),
 * else key; {n} is the count.
 */
export function tn(key, n, args = {}) {
  const form = `${key}.${new Intl.PluralRules(lang === 'ru' ? 'ru' : 'en').select(Number(n) || 0)}`;
  return t(has(form) || dicts.en?.[form] ? form : key, { ...args, n });
}

/** True when key has a text (so callers can fall back to the raw value). */
export function has(key) { return key in (dicts[lang] ?? {}); }

/** The label of an enumerated value (role.VIEWER, severity.CRITICAL...), else the value itself. */
export function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '—';
  return has(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : String(value);
}

export const DOMAINS = Object.fromEntries(THREAT_DOMAINS.map((d) => [d, d]));
export function domainName(code) { return code ? label('domain', code) : '—'; }
export function unitName(unit) { return unit ? label('unit', unit) : ''; }
export function ploverName(c) { return label('plover', c); }

/** A named thing's label in the current language (records with nameEn/nameRu). */
export function nameOf(x) {
  if (!x) return '—';
  return (lang === 'ru' ? x.nameRu : x.nameEn) || x.nameEn || x.code || x.id;
}

/** The BCP 47 locale of the current language, for Intl formatters. */
export const locale = () => (lang === 'ru' ? 'ru-RU' : 'en-GB');
const ok = (v) => v !== null && v !== undefined && Number.isFinite(Number(v));

/**
 * A number as Intl formats it, with a true minus (U+2212) for Intl's hyphen (en-GB and ru-RU both
 * give '-'): for display only; CSV, JSON and the API keep the hyphen.
 */
const formatted = (options, v) => new Intl.NumberFormat(locale(), options).format(v).replace(/-/g, '\u2212');

/** A level: never signed, never "-0". */
export function num(v, digits = 1) {
  if (!ok(v)) return '—';
  return formatted({ maximumFractionDigits: digits, minimumFractionDigits: 0, signDisplay: 'negative' }, v);
}

/** A count: a whole number. */
export function count(v) {
  if (!ok(v)) return '—';
  return formatted({ maximumFractionDigits: 0, signDisplay: 'negative' }, Math.round(v));
}

/** A value of an indicator: whole numbers for counts (indicators that add up), else one decimal. */
export function value(v, indicator) {
  return indicator?.aggregation === 'SUM' ? count(v) : num(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
}

/** A share (completeness, probability): 0.5 → "50%", unsigned. */
export function pct(v) {
  if (!ok(v)) return '—';
  return formatted({ style: 'percent', maximumFractionDigits: 0, signDisplay: 'negative' }, v);
}

/** A change: signed, but no sign on zero. */
export function change(v, digits = 1) {
  if (!ok(v)) return '—';
  return formatted({ maximumFractionDigits: digits, signDisplay: 'exceptZero' }, v);
}

/**
 * A risk score on the 0-10 scale, always with one decimal ("6,0" beside "6,9", not "6"): a column
 * of scores reads as one precision.
 */
export function score(v) {
  if (!ok(v)) return '—';
  return formatted({ minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' }, v);
}

/** A score's change, signed with one decimal ("+0,4", "0,0"). */
export function scoreChange(v) {
  if (!ok(v)) return '—';
  return formatted({ minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }, v);
}

/** A relative change: "+12%", "−3%", "0%". */
export function changePct(v) {
  if (!ok(v)) return '—';
  return formatted({ style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }, v);
}

/** A day as the page's language writes it; it never breaks across lines ("12 авг. 2026 г."). */
export function date(iso) {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d).replace(/ /g, '\u00a0');
}

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

/** A period code (2026-01-31, 2026-W05, 2026-10, 2026-Q3, 2026) as words in the current language. */
export function period(p) {
  if (!p) return '—';
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    // 'нояб. 2027 г.': the year keeps its 'г.' when a narrow table cell wraps the month.
    return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, 1))).replace(/ (г\.)$/, '\u00a0$1');
  }
  m = /^(\d{4})-Q(\d)$/.exec(p);
  if (m) return t('period.quarter', { q: m[2], y: m[1] });
  m = /^(\d{4})-W(\d{2})$/.exec(p);
  if (m) return t('period.week', { w: +m[2], y: m[1] });
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
  if (m) {
    return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
  }
  return p;
}

/** Fills elements marked data-i18n in a subtree. */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}

/**
 * A forecasting model's name in the current language: the words the shared vocabulary lists
 * (keys modelword.<word>, a space written as '_'; the same keys and rule as ModelNames in Java,
 * which reports use) are replaced, longest first and only as whole words; notation such as
 * ETS(A,Ad,M) or ARIMA(1,1,0) stays as written.
 */
export function modelName(name) {
  if (!name || lang === 'en') return name ?? '';
  const words = Object.keys(dicts.en ?? {}).filter((k) => k.startsWith('modelword.'))
    .map((k) => k.slice('modelword.'.length).replace(/_/g, ' '))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const esc = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return words.reduce((out, w) => {
    const text = dicts[lang]?.[`modelword.${w.replace(/ /g, '_')}`];
    return text === undefined ? out : out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${esc(w)}(?![\\p{L}\\p{N}])`, 'gu'), () => text);
  }, name);
}
