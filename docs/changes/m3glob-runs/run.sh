#!/bin/bash
CP="vigil-cli/target/lib/*"
C="other:12:128:10:5 other:16:128:10:5 yearly:6:128:10:5 yearly:12:128:10:5 quarterly:8:128:10:5 quarterly:12:128:10:5 quarterly:16:128:10:5 monthly:24:128:10:5 monthly:36:128:10:5 monthly:24:128:20:5 quarterly:8:256:10:5 monthly:24:256:10:5"
for o in 1 2; do
  java -Xmx3g -cp $CP org.vigil.bench.m3.M3GlobalExperiment /work/shared/data/m3 $o 2 $C > /tmp/m3glob-exp/r$o.txt 2>&1
done
