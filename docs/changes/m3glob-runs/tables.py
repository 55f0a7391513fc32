import sys, collections
rows = collections.OrderedDict()
for f in sys.argv[1:]:
    for line in open(f):
        if not line.startswith('row'): continue
        _, o, cat, spec, method, sm, pooled, c80, c95, msis = line.rstrip('\n').split('\t')
        rows.setdefault((cat, spec), collections.OrderedDict()).setdefault(method, {})[int(o)] = (sm, c80, c95, msis)
for (cat, spec), ms in rows.items():
    print(f"\n**{cat}, network {spec}**\n")
    print("| row | sMAPE o1 | sMAPE o2 | cov80/95 o1 | cov80/95 o2 | MSIS o1 | MSIS o2 |")
    print("|---|---|---|---|---|---|---|")
    for m, d in ms.items():
        a = d.get(1, ('-',)*4); b = d.get(2, ('-',)*4)
        name = 'network alone' if m.startswith('net ') else m.replace('  ', ' ')
        cv = lambda x: '-' if x[1] in ('NaN', '-') else f"{x[1]}/{x[2]}"
        ms_ = lambda x: '-' if x[3] in ('NaN', '-') else x[3]
        print(f"| {name} | {a[0]} | {b[0]} | {cv(a)} | {cv(b)} | {ms_(a)} | {ms_(b)} |")
