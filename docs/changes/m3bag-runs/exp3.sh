#!/bin/bash
# usage: exp3.sh ORIGIN ; yearly, quarterly and other series of the 300-series sample, validation windows only
W=/work/wt/m3bag
CP=$W/vigil-bench/target/classes:$W/vigil-forecast/target/classes:$W/vigil-timeseries/target/classes:/work/main/vigil-cli/target/lib/*
O=$1
COMBOS="w:etsd+arimalog+dotm+drift+mapa:s:medoff;w:bagged+arimalog+dotm+drift+mapa:s:medoff;w:etsd+arimalog+dotm+drift:s:medoff;w:bagged+arimalog+dotm+drift:s:medoff"
java -Xmx1500m -Dvigil.m3.category=YEARLY,QUARTERLY,OTHER -cp "$CP" org.vigil.bench.m3.M3ComboExperiment /work/shared/data/m3 300 1 etsd,bagged,arimalog,dotm,drift,mapa "$COMBOS" /tmp/m3bag/q$O-300.bin $O
