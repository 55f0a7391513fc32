// Every label of the web UI in English and Russian, with number and date formats from Intl.
const DICT = {
  en: {
    skip: 'Skip to content', language: 'Language', loading: 'Loading…', logout: 'Log out',
    'nav.dashboard': 'Dashboard', 'nav.state': 'State profile', 'nav.indicator': 'Indicators',
    'nav.risk': 'Risk and priorities', 'nav.programmes': 'Programmes', 'nav.events': 'Documents and events',
    'nav.data': 'Data', 'nav.admin': 'Administration',
    'login.title': 'Log in to Vigil', 'login.user': 'User name', 'login.password': 'Password',
    'login.submit': 'Log in', 'login.failed': 'Login failed',
    'dash.title': 'Regional situation', 'dash.map': 'Risk by state', 'dash.domain': 'Domain',
    'dash.allDomains': 'Composite (all domains)', 'dash.priorities': 'Regional priorities',
    'dash.alerts': 'New alerts', 'dash.anomalies': 'Recent anomalies', 'dash.reports': 'Recent reports',
    'dash.makeReport': 'Situation report', 'dash.computing': 'Computing the risk index…', 'risk.scale': 'Risk score 0–10', 'col.trend': 'Trend', 'dash.scan': 'Scan for recent anomalies', 'prog.list': 'Programmes', 'prog.period': 'Period', 'prog.version': 'Version in force', 'prog.kpi': 'KPI', 'prog.target': 'Target', 'prog.probability': 'P(target met)', 'prog.measuresDone': 'Measures done', 'prog.late': 'Late', 'prog.kpisMet': 'KPIs met', 'prog.kpiProgress': 'KPI progress', 'prog.compliance': 'Reports on time', 'risk.bandsNote': 'Bars: central score now and projected; black lines: 90% Monte Carlo bands of the projections.', 'quality.completeness': 'Completeness', 'quality.timeliness': 'On time', 'quality.issues': 'Warnings', 'dash.anomaliesScope': 'Latest anomalies in the first synthetic monthly indicators, every state.', 'risk.composite': 'mean over domains', 'col.band': '90% band', 'col.horizon': 'Months ahead', 'report.area': 'Area', 'report.period': 'Period (optional)',
    'report.lang': 'Report language', 'report.format': 'Format', 'report.generate': 'Generate report',
    'report.generating': 'Generating the report…', 'report.ready': 'Report ready ({ms} ms):',
    'report.open': 'open', 'unavailable': 'Not available: {what} is not provided by this server yet.',
    'unavailable.forbidden': 'Not available: your role may not see {what}.',
    'unavailable.empty': 'No data.', 'legend.noData': 'No data', 'risk.index': 'Risk index',
    'col.rank': 'Rank', 'col.domain': 'Domain', 'col.score': 'Score', 'col.move': 'Movement',
    'col.state': 'State', 'col.indicator': 'Indicator', 'col.period': 'Period', 'col.value': 'Value',
    'col.expected': 'Expected', 'col.when': 'When', 'col.user': 'User', 'col.lang': 'Language',
    'col.format': 'Format', 'col.area': 'Area', 'col.latest': 'Latest', 'col.change': 'Change vs a year earlier',
    'col.unit': 'Unit', 'col.date': 'Date', 'col.category': 'Category', 'col.fatalities': 'Fatalities',
    'col.summary': 'Summary', 'col.source': 'Source', 'col.title': 'Title', 'col.published': 'Published',
    'col.role': 'Role', 'col.org': 'Organisation', 'col.active': 'Active', 'col.action': 'Action',
    'col.subject': 'Subject', 'col.line': 'Line', 'col.field': 'Field', 'col.found': 'Found',
    'col.file': 'File', 'col.rows': 'Rows', 'col.status': 'Status', 'col.name': 'Name', 'col.id': 'Id',
    'col.driver': 'Driver', 'col.weight': 'Weight', 'col.contribution': 'Contribution', 'col.recorded': 'Recorded',
    'move.up': '▲ up', 'move.down': '▼ down', 'move.same': '● unchanged',
    'synthetic': '◆ synthetic', 'synthetic.note': 'Series marked ◆ come from the demo generator: they are synthetic, not real statistics.',
    'state.title': 'State profile', 'state.choose': 'State', 'state.riskByDomain': 'Risk by domain and its drivers',
    'state.keyIndicators': 'Key indicators', 'state.quality': 'Data quality',
    'ind.title': 'Indicator explorer', 'ind.indicator': 'Indicator', 'ind.areas': 'States (hold Ctrl to compare)',
    'ind.perCapita': 'Per million people', 'ind.asOf': 'As known on', 'ind.latestVintage': 'latest',
    'ind.download': 'Download CSV', 'ind.history': 'History', 'ind.forecast': 'Forecast', 'ind.model': 'Model: {m}',
    'ind.band80': '80% interval', 'ind.band95': '95% interval', 'ind.anomaly': 'Anomaly', 'ind.trend': 'Trend',
    'ind.noPopulation': 'Per-capita needs the POPULATION indicator for every state shown.',
    'ind.vintages': '{n} vintages', 'ind.forecastFor': 'Forecast for {area}',
    'risk.title': 'Risk and priorities', 'risk.drill': 'Index → dimensions → indicators', 'risk.projected': 'Projected risk with bands',
    'prog.title': 'Strategic programmes', 'prog.scorecard': 'Scorecard', 'prog.drift': 'KPI drift probability',
    'prog.proposals': 'Adjustment proposals', 'prog.revisions': 'Revisions', 'prog.diff': 'Changes',
    'ev.title': 'Documents and events', 'ev.search': 'Search documents', 'ev.from': 'From', 'ev.to': 'To',
    'ev.allStates': 'All states', 'ev.allDomains': 'All domains', 'ev.apply': 'Apply', 'ev.map': 'Event map',
    'ev.events': 'Events', 'ev.documents': 'Documents', 'ev.total': '{n} in total',
    'data.title': 'Data', 'data.upload': 'Upload a file', 'data.file': 'File', 'data.format': 'Format',
    'data.classification': 'Classification', 'data.keep': 'Keep good rows', 'data.send': 'Upload and validate',
    'data.accepted': 'Accepted: batch {id}, {added} values added of {read} rows read.',
    'data.already': 'This file was already loaded: nothing was stored.',
    'data.rejected': 'The file was rejected; nothing was stored.', 'data.rejections': 'Rejected rows',
    'data.reported': 'What each state reported, and when',
    'admin.title': 'Administration', 'admin.users': 'Users', 'admin.orgs': 'Organisations',
    'admin.sharing': 'Sharing agreements', 'admin.audit': 'Audit log', 'admin.verify': 'Verify the hash chain',
    'yes': 'yes', 'no': 'no', 'error': 'Error', 'details': 'Details',
  },
  ru: {
    skip: 'Перейти к содержанию', language: 'Язык', loading: 'Загрузка…', logout: 'Выйти',
    'nav.dashboard': 'Обзор', 'nav.state': 'Профиль государства', 'nav.indicator': 'Показатели',
    'nav.risk': 'Риски и приоритеты', 'nav.programmes': 'Программы', 'nav.events': 'Документы и события',
    'nav.data': 'Данные', 'nav.admin': 'Администрирование',
    'login.title': 'Вход в Vigil', 'login.user': 'Имя пользователя', 'login.password': 'Пароль',
    'login.submit': 'Войти', 'login.failed': 'Вход не выполнен',
    'dash.title': 'Обстановка в регионе', 'dash.map': 'Риск по государствам', 'dash.domain': 'Сфера',
    'dash.allDomains': 'Сводный (все сферы)', 'dash.priorities': 'Региональные приоритеты',
    'dash.alerts': 'Новые оповещения', 'dash.anomalies': 'Недавние аномалии', 'dash.reports': 'Недавние отчёты',
    'dash.makeReport': 'Отчёт об обстановке', 'dash.computing': 'Идёт расчёт индекса риска…', 'risk.scale': 'Оценка риска 0–10', 'col.trend': 'Тенденция', 'dash.scan': 'Найти недавние аномалии', 'prog.list': 'Программы', 'prog.period': 'Период', 'prog.version': 'Действующая редакция', 'prog.kpi': 'КПЭ', 'prog.target': 'Цель', 'prog.probability': 'P(цель достигнута)', 'prog.measuresDone': 'Выполнено мероприятий', 'prog.late': 'С опозданием', 'prog.kpisMet': 'КПЭ достигнуто', 'prog.kpiProgress': 'Прогресс КПЭ', 'prog.compliance': 'Отчёты в срок', 'risk.bandsNote': 'Столбцы: текущая и прогнозная оценка; чёрные линии: 90% интервалы Монте-Карло для прогноза.', 'quality.completeness': 'Полнота', 'quality.timeliness': 'Своевременность', 'quality.issues': 'Предупреждения', 'dash.anomaliesScope': 'Последние аномалии в первых синтетических ежемесячных показателях по всем государствам.', 'risk.composite': 'среднее по сферам', 'col.band': 'Интервал 90%', 'col.horizon': 'Месяцев вперёд', 'report.area': 'Территория', 'report.period': 'Период (необязательно)',
    'report.lang': 'Язык отчёта', 'report.format': 'Формат', 'report.generate': 'Сформировать отчёт',
    'report.generating': 'Отчёт формируется…', 'report.ready': 'Отчёт готов ({ms} мс):',
    'report.open': 'открыть', 'unavailable': 'Нет данных: {what} пока не предоставляется этим сервером.',
    'unavailable.forbidden': 'Нет данных: вашей роли недоступно «{what}».',
    'unavailable.empty': 'Нет данных.', 'legend.noData': 'Нет данных', 'risk.index': 'Индекс риска',
    'col.rank': 'Место', 'col.domain': 'Сфера', 'col.score': 'Оценка', 'col.move': 'Динамика',
    'col.state': 'Государство', 'col.indicator': 'Показатель', 'col.period': 'Период', 'col.value': 'Значение',
    'col.expected': 'Ожидалось', 'col.when': 'Когда', 'col.user': 'Пользователь', 'col.lang': 'Язык',
    'col.format': 'Формат', 'col.area': 'Территория', 'col.latest': 'Последнее', 'col.change': 'Изменение за год',
    'col.unit': 'Единица', 'col.date': 'Дата', 'col.category': 'Категория', 'col.fatalities': 'Погибшие',
    'col.summary': 'Описание', 'col.source': 'Источник', 'col.title': 'Заголовок', 'col.published': 'Опубликовано',
    'col.role': 'Роль', 'col.org': 'Организация', 'col.active': 'Активен', 'col.action': 'Действие',
    'col.subject': 'Объект', 'col.line': 'Строка', 'col.field': 'Поле', 'col.found': 'Найдено',
    'col.file': 'Файл', 'col.rows': 'Строк', 'col.status': 'Состояние', 'col.name': 'Название', 'col.id': 'Код',
    'col.driver': 'Фактор', 'col.weight': 'Вес', 'col.contribution': 'Вклад', 'col.recorded': 'Записано',
    'move.up': '▲ вверх', 'move.down': '▼ вниз', 'move.same': '● без изменений',
    'synthetic': '◆ синтетический', 'synthetic.note': 'Ряды с отметкой ◆ созданы демонстрационным генератором: это синтетические данные, а не реальная статистика.',
    'state.title': 'Профиль государства', 'state.choose': 'Государство', 'state.riskByDomain': 'Риск по сферам и его факторы',
    'state.keyIndicators': 'Ключевые показатели', 'state.quality': 'Качество данных',
    'ind.title': 'Обозреватель показателей', 'ind.indicator': 'Показатель', 'ind.areas': 'Государства (Ctrl — сравнить)',
    'ind.perCapita': 'На миллион жителей', 'ind.asOf': 'По состоянию на', 'ind.latestVintage': 'последние данные',
    'ind.download': 'Скачать CSV', 'ind.history': 'История', 'ind.forecast': 'Прогноз', 'ind.model': 'Модель: {m}',
    'ind.band80': 'Интервал 80%', 'ind.band95': 'Интервал 95%', 'ind.anomaly': 'Аномалия', 'ind.trend': 'Тенденция',
    'ind.noPopulation': 'Для расчёта на душу населения нужен показатель POPULATION для каждого государства.',
    'ind.vintages': 'версий: {n}', 'ind.forecastFor': 'Прогноз: {area}',
    'risk.title': 'Риски и приоритеты', 'risk.drill': 'Индекс → измерения → показатели', 'risk.projected': 'Прогноз риска с интервалами',
    'prog.title': 'Стратегические программы', 'prog.scorecard': 'Сводная оценка', 'prog.drift': 'Вероятность отклонения КПЭ',
    'prog.proposals': 'Предложения по корректировке', 'prog.revisions': 'Редакции', 'prog.diff': 'Изменения',
    'ev.title': 'Документы и события', 'ev.search': 'Поиск документов', 'ev.from': 'С', 'ev.to': 'По',
    'ev.allStates': 'Все государства', 'ev.allDomains': 'Все сферы', 'ev.apply': 'Применить', 'ev.map': 'Карта событий',
    'ev.events': 'События', 'ev.documents': 'Документы', 'ev.total': 'всего: {n}',
    'data.title': 'Данные', 'data.upload': 'Загрузить файл', 'data.file': 'Файл', 'data.format': 'Формат',
    'data.classification': 'Гриф доступа', 'data.keep': 'Сохранить корректные строки', 'data.send': 'Загрузить и проверить',
    'data.accepted': 'Принято: пакет {id}, добавлено значений: {added} из {read} прочитанных строк.',
    'data.already': 'Этот файл уже был загружен: ничего не сохранено.',
    'data.rejected': 'Файл отклонён; ничего не сохранено.', 'data.rejections': 'Отклонённые строки',
    'data.reported': 'Что и когда представило каждое государство',
    'admin.title': 'Администрирование', 'admin.users': 'Пользователи', 'admin.orgs': 'Организации',
    'admin.sharing': 'Соглашения об обмене', 'admin.audit': 'Журнал аудита', 'admin.verify': 'Проверить цепочку хешей',
    'yes': 'да', 'no': 'нет', 'error': 'Ошибка', 'details': 'Подробности',
  },
};

export const DOMAINS = {
  TERRORISM: ['Terrorism', 'Терроризм'], EXTREMISM: ['Extremism and radicalism', 'Экстремизм и радикализм'],
  ORGANISED_CRIME: ['Organised crime', 'Организованная преступность'],
  DRUG_TRAFFICKING: ['Drug trafficking', 'Незаконный оборот наркотиков'],
  ILLEGAL_MIGRATION: ['Illegal migration', 'Незаконная миграция'],
  ARMS_TRAFFICKING: ['Arms trafficking', 'Незаконный оборот оружия'],
  ECONOMIC: ['Economic security', 'Экономическая безопасность'],
  INFORMATION: ['Information security (cyber)', 'Информационная безопасность'],
  TECHNOLOGICAL: ['Technological security', 'Техногенная безопасность'],
  BIOLOGICAL: ['Biological security', 'Биологическая безопасность'], WATER: ['Water resources', 'Водные ресурсы'],
};

let lang = localStorage.getItem('vigil.lang') === 'ru' ? 'ru' : 'en';
const listeners = [];

export function getLang() { return lang; }
export function setLang(l) {
  lang = l === 'ru' ? 'ru' : 'en';
  localStorage.setItem('vigil.lang', lang);
  document.documentElement.lang = lang;
  listeners.forEach((f) => f(lang));
}
export function onLangChange(f) { listeners.push(f); }

/** The label for key, with {name} placeholders filled from args. */
export function t(key, args = {}) {
  const s = DICT[lang][key] ?? DICT.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in args ? String(args[k]) : `{${k}}`));
}

export function domainName(code) {
  const d = DOMAINS[code];
  return d ? d[lang === 'ru' ? 1 : 0] : code ?? '—';
}

/** A named thing's label in the current language (records with nameEn/nameRu). */
export function nameOf(x) {
  if (!x) return '—';
  return (lang === 'ru' ? x.nameRu : x.nameEn) || x.nameEn || x.code || x.id;
}

const locale = () => (lang === 'ru' ? 'ru-RU' : 'en-GB');

export function num(v, digits = 1) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
}

export function pct(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);
}

export function date(iso) {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

/** A period code (2026-10, 2026-Q3, 2026) as words in the current language. */
export function period(p) {
  if (!p) return '—';
  let m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    return new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(+m[1], +m[2] - 1, 1)));
  }
  m = /^(\d{4})-Q(\d)$/.exec(p);
  if (m) return lang === 'ru' ? `${m[2]}-й кв. ${m[1]}` : `Q${m[2]} ${m[1]}`;
  return p;
}

/** Fills elements marked data-i18n in a subtree. */
export function translateStatic(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}
