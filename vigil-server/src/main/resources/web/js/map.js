// The CIS map for ECharts: borders from geo/cis.geojson (world-atlas, Natural Earth), drawn in the
// same Albers equal-area conic projection as the PDF reports (parallels 40°N and 65°N, centred on
// 90°E). Russia's longitudes run past 180° in the file, so Chukotka is not split at the antimeridian.
import { echarts } from './charts.js';

const PHI1 = (40 * Math.PI) / 180;
const PHI2 = (65 * Math.PI) / 180;
const PHI0 = (55 * Math.PI) / 180;
const LAMBDA0 = (90 * Math.PI) / 180;
const N = (Math.sin(PHI1) + Math.sin(PHI2)) / 2;
const C = Math.cos(PHI1) ** 2 + 2 * N * Math.sin(PHI1);
const RHO0 = Math.sqrt(C - 2 * N * Math.sin(PHI0)) / N;

export const albers = {
  project([lon, lat]) {
    const l = (lon * Math.PI) / 180;
    const p = (lat * Math.PI) / 180;
    const rho = Math.sqrt(C - 2 * N * Math.sin(p)) / N;
    const th = N * (l - LAMBDA0);
    return [rho * Math.sin(th) * 1000, -(RHO0 - rho * Math.cos(th)) * 1000];
  },
  unproject([x, y]) {
    const xx = x / 1000;
    const yy = RHO0 + y / 1000;
    const rho = Math.sign(N) * Math.sqrt(xx * xx + yy * yy);
    const th = Math.atan2(xx, yy);
    const lat = Math.asin((C - (rho * N) ** 2) / (2 * N));
    return [((th / N + LAMBDA0) * 180) / Math.PI, (lat * 180) / Math.PI];
  },
};

let geo;
export async function loadMap() {
  geo ??= fetch('/geo/cis.geojson', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((json) => {
      // The web map shows the member states only, so ECharts fits the view to them.
      echarts.registerMap('cis', { type: 'FeatureCollection', features: json.features.filter((f) => f.properties.cis) });
      return json;
    });
  return geo;
}

export async function memberCodes() {
  const json = await loadMap();
  return json.features.filter((f) => f.properties.cis).map((f) => f.properties.iso3);
}

/** Colour classes for a 0-10 risk score (2 points each), shared with the PDF legend. */
export const RISK_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export const NO_DATA = '#d9d9d9';

export function riskColour(score) {
  return Number.isFinite(score) ? RISK_COLOURS[Math.min(4, Math.floor(score / 2))] : NO_DATA;
}
