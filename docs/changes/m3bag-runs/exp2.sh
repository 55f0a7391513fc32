#!/bin/bash
# usage: exp.sh ORIGIN ; monthly series of the 1001-series sample (every third), validation windows only
# run from the project root; the experiment caches fits under ${TMPDIR:-/tmp}/m3bag
W=${W:-$(pwd)}
mkdir -p ${TMPDIR:-/tmp}/m3bag
CP=$W/vigil-bench/target/classes:$W/vigil-forecast/target/classes:$W/vigil-timeseries/target/classes:$W/vigil-cli/target/lib/*
O=$1
COMBOS="w:arimalog+theta+dotm+etsn:s:medoff;w:arimalog+theta+dotm+bagged:s:medoff;w:arimalog+theta+dotm+baggedn:s:medoff;w:arimalog+theta+dotm+etsn+bagged:s:medoff"
java -Xmx1500m -Dvigil.m3.category=MONTHLY -cp "$CP" org.vigil.bench.m3.M3ComboExperiment ${M3:-../shared/data/m3} ${2:-300} 1 ets,etsn,bagged,baggedn,arimalog,theta,dotm "$COMBOS" ${TMPDIR:-/tmp}/m3bag/o$O-${2:-300}.bin $O
