#!/bin/bash
# usage: exp3.sh ORIGIN ; yearly, quarterly and other series of the 300-series sample, validation windows only
# run from the project root; the experiment caches fits under ${TMPDIR:-/tmp}/m3bag
W=${W:-$(pwd)}
mkdir -p ${TMPDIR:-/tmp}/m3bag
CP=$W/vigil-bench/target/classes:$W/vigil-forecast/target/classes:$W/vigil-timeseries/target/classes:$W/vigil-cli/target/lib/*
O=$1
COMBOS="w:etsd+arimalog+dotm+drift+mapa:s:medoff;w:bagged+arimalog+dotm+drift+mapa:s:medoff;w:etsd+arimalog+dotm+drift:s:medoff;w:bagged+arimalog+dotm+drift:s:medoff"
java -Xmx1500m -Dvigil.m3.category=YEARLY,QUARTERLY,OTHER -cp "$CP" org.vigil.bench.m3.M3ComboExperiment ${M3:-../shared/data/m3} 300 1 etsd,bagged,arimalog,dotm,drift,mapa "$COMBOS" ${TMPDIR:-/tmp}/m3bag/q$O-300.bin $O
