// Reference data shared by the pages, fetched once per page load.
import { api } from './api.js';

let areas;
let indicators;
let cis;
const latest = new Map();

export async function allAreas() {
  areas ??= api('/api/areas');
  return areas;
}

export async function allIndicators() {
  indicators ??= api('/api/indicators');
  return indicators;
}

export async function indicatorByCode() {
  return new Map((await allIndicators()).map((i) => [i.code, i]));
}

/** The member states shown on maps: the states of the CIS map file, in the API's naming. */
export async function states() {
  cis ??= Promise.all([allAreas(), import('./map.js').then((m) => m.memberCodes())])
    .then(([list, codes]) => list.filter((a) => a.kind === 'COUNTRY' && codes.includes(a.code)));
  return cis;
}

export async function areaByCode() {
  return new Map((await allAreas()).map((a) => [a.code, a]));
}

/** The user's own state, or the first member state for users of the secretariat. */
export async function homeState(me) {
  const members = await states();
  return members.find((a) => a.code === me?.area)?.code ?? members[0]?.code;
}

/**
 * The series of one state the caller may read, most recently updated first (GET
 * /api/areas/{code}/latest), cached for a minute.
 */
export async function latestOf(code) {
  const hit = latest.get(code);
  if (hit && hit.at > Date.now() - 60_000) return hit.data;
  const data = api(`/api/areas/${encodeURIComponent(code)}/latest`).then((d) => d.series);
  latest.set(code, { at: Date.now(), data });
  return data;
}
