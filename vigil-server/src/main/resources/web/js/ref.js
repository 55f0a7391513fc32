// Reference data shared by the pages, fetched once per page load.
import { api } from './api.js';

let areas;
let indicators;
let cis;

export async function allAreas() {
  areas ??= api('/api/areas');
  return areas;
}

export async function allIndicators() {
  indicators ??= api('/api/indicators');
  return indicators;
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
