# Applies the stated selection rule to the 'row' lines of M3GlobalExperiment at origins 1 and 2.
import sys, collections
rows = collections.defaultdict(dict)  # (cat, spec, method) -> origin -> (smape, cov80, cov95, msis)
order = collections.defaultdict(list)
for f in sys.argv[1:]:
    for line in open(f):
        if not line.startswith('row'): continue
        _, o, cat, spec, method, sm, pooled, c80, c95, msis = line.rstrip('\n').split('\t')
        rows[(cat, spec, method)][int(o)] = (float(sm), float(c80), float(c95), float(msis))
        if spec not in order[cat]: order[cat].append(spec)
for cat, specs in order.items():
    combo = rows[(cat, specs[0], 'combo-validated')]
    best = {}
    for spec in specs:
        cands = []
        for w in ('0.2', '0.35', '0.5', '0.65'):
            r = rows.get((cat, spec, 'shift w=' + w), {})
            if 1 in r and 2 in r:
                cands.append(((r[1][0] + r[2][0]) / 2, w))
        if not cands: continue
        m, w = min(cands)
        best[spec] = w
        s = rows[(cat, spec, 'shift w=' + w)]; k = rows[(cat, spec, 'keep  w=' + w)]
        print(f"{cat:9} {spec:22} w*={w:4}  o1 {s[1][0]:.3f} o2 {s[2][0]:.3f} (combo {combo[1][0]:.3f} / {combo.get(2,(float('nan'),))[0]:.3f})"
              f"  MSIS shift {s[1][3]:.3f}/{s[2][3]:.3f} keep {k[1][3]:.3f}/{k[2][3]:.3f}")
    if not best: continue
    chosen = specs[0]
    for spec in specs[1:]:
        if spec not in best or chosen not in best: continue
        a = rows[(cat, spec, 'shift w=' + best[spec])]; d = rows[(cat, chosen, 'shift w=' + best[chosen])]
        if a[1][0] < d[1][0] and a[2][0] < d[2][0]:
            print(f"  {spec} beats {chosen} at both origins")
            chosen = spec
    w = best[chosen]; r = rows[(cat, chosen, 'shift w=' + w)]; k = rows[(cat, chosen, 'keep  w=' + w)]
    wins = r[1][0] < combo[1][0] and r[2][0] < combo[2][0]
    shift = r[1][3] < k[1][3] and r[2][3] < k[2][3]
    print(f"=> {cat}: {chosen}, weight {w if wins else 0} ({'beats' if wins else 'does not beat'} combo at both origins), intervals {'shift' if shift else 'keep'}\n")
