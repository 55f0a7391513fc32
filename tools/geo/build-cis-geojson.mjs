#!/usr/bin/env node
// Builds the reduced map of the CIS states (and neighbours for context) used by the web UI and the
// situation reports, from the npm package world-atlas@2 (ISC licence; data from Natural Earth,
// public domain). Run from the repository root:
//   node tools/geo/build-cis-geojson.mjs            (downloads world-atlas with `npm pack`)
//   node tools/geo/build-cis-geojson.mjs DIR        (uses an unpacked package in DIR)
// It decodes the TopoJSON itself (no dependencies), keeps the listed states, shifts Russia's
// longitudes west of 0 by +360 so Chukotka joins the mainland across the antimeridian, rounds to
// 0.01 degree, drops near-duplicate points and tiny islands, and writes GeoJSON to both places
// that use it.
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// ISO numeric -> [ISO alpha-3, member of the CIS region as Vigil treats it]
const STATES = {
  "051": ["ARM", true], "031": ["AZE", true], "112": ["BLR", true], "398": ["KAZ", true],
  "417": ["KGZ", true], "498": ["MDA", true], "643": ["RUS", true], "762": ["TJK", true],
  "860": ["UZB", true], "795": ["TKM", true],
  "804": ["UKR", false], "268": ["GEO", false], "496": ["MNG", false], "004": ["AFG", false],
  "364": ["IRN", false], "792": ["TUR", false], "156": ["CHN", false], "246": ["FIN", false],
  "233": ["EST", false], "428": ["LVA", false], "440": ["LTU", false], "616": ["POL", false],
  "578": ["NOR", false], "642": ["ROU", false], "586": ["PAK", false],
};
// The web map shows the member states only (a smaller file for the dashboard's first render);
// the PDF map draws the neighbours too, for context.
const OUTPUTS = [
  ["vigil-server/src/main/resources/web/geo/cis.geojson", (f) => f.properties.cis],
  ["vigil-report/src/main/resources/org/vigil/report/geo/cis.geojson", () => true],
];

function packageDir() {
  if (process.argv[2]) return process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), "world-atlas-"));
  execSync("npm pack world-atlas@2 --silent", { cwd: dir });
  execSync("tar xzf world-atlas-*.tgz", { cwd: dir, shell: "/bin/sh" });
  return join(dir, "package");
}

function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ring(arcs, indexes) {
  const out = [];
  for (const i of indexes) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    arc.forEach((p, k) => { if (out.length === 0 || k > 0) out.push(p); });
  }
  return out;
}

function ringArea(r) {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return Math.abs(a / 2);
}

function clean(r, iso3) {
  const out = [];
  for (let [x, y] of r) {
    if (iso3 === "RUS" && x < 0) x += 360; // antimeridian: keep Chukotka east of 180
    x = Math.round(x * 100) / 100; y = Math.round(y * 100) / 100;
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - x) < 0.06 && Math.abs(last[1] - y) < 0.06) continue;
    out.push([x, y]);
  }
  if (out.length > 0) out.push(out[0]);
  return out;
}

const dir = packageDir();
const topo = JSON.parse(readFileSync(join(dir, "countries-50m.json"), "utf8"));
const arcs = decodeArcs(topo);
const features = [];
for (const g of topo.objects.countries.geometries) {
  const entry = STATES[g.id];
  if (!entry) continue;
  const [iso3, cis] = entry;
  const polys = g.type === "Polygon" ? [g.arcs] : g.arcs;
  const kept = [];
  for (const poly of polys) {
    const rings = poly.map((idx) => clean(ring(arcs, idx), iso3)).filter((r) => r.length >= 4);
    if (rings.length === 0 || ringArea(rings[0]) < 0.05) continue; // drop islets (< ~0.05 deg^2)
    kept.push(rings);
  }
  features.push({
    type: "Feature",
    id: iso3,
    properties: { iso3, name: g.properties.name, cis },
    geometry: { type: "MultiPolygon", coordinates: kept },
  });
}
features.sort((a, b) => a.id.localeCompare(b.id));
for (const [out, keep] of OUTPUTS) {
  const kept = features.filter(keep);
  const json = JSON.stringify({
    type: "FeatureCollection",
    source: "world-atlas@2 countries-50m (Natural Earth), reduced by tools/geo/build-cis-geojson.mjs",
    features: kept,
  });
  writeFileSync(out, json + "\n");
  console.log(`wrote ${out}: ${kept.length} states, ${json.length} bytes`);
}
