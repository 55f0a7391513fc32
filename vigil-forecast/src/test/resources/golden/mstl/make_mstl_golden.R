# Reference STL and MSTL decompositions and MSTL forecasts for vigil-forecast's weekly and daily
# golden tests. Run once: Rscript make_mstl_golden.R  (R 4.2, forecast 8.20, Debian 12)
# -> mstl_golden.csv. The series are generated here with a fixed seed and written to the CSV, so
# the Java tests read the same numbers and never need R. Output rows: case,key,index,value.
suppressMessages(library(forecast))
set.seed(20261206)
out <- file("mstl_golden.csv", "w")
emit <- function(case, key, value) {
  for (i in seq_along(value)) {
    cat(sprintf("%s,%s,%d,%.17g\n", case, key, i, value[i]), file = out)
  }
}
cat("case,key,index,value\n", file = out)
wk <- 365.25 / 7
t1 <- 1:261
weekly_a <- 100 + 0.1 * t1 + 10 * sin(2 * pi * t1 / wk) + 5 * cos(4 * pi * t1 / wk) +
  rnorm(261, sd = 2)
t2 <- 1:157
weekly_b <- 30 + 8 * sin(2 * pi * (t2 + 10) / wk) + rnorm(157, sd = 4)
t3 <- 1:1096
dow <- c(0, 1, 2, 2, 3, -3, -5)
daily_a <- 50 + 0.01 * t3 + 2 * dow[(t3 %% 7) + 1] + 8 * sin(2 * pi * t3 / 365.25) +
  rnorm(1096, sd = 2)
t4 <- 1:120
daily_short <- 20 + 3 * dow[(t4 %% 7) + 1] + 0.05 * t4 + rnorm(120, sd = 1.5)
cases <- list(
  list(name = "weekly_a", y = weekly_a, periods = wk, h = 26),
  list(name = "weekly_b", y = weekly_b, periods = wk, h = 13),
  list(name = "daily_a", y = daily_a, periods = c(7, 365.25), h = 28),
  list(name = "daily_short", y = daily_short, periods = c(7, 365.25), h = 14)
)
for (cs in cases) {
  nm <- cs$name
  x <- msts(cs$y, seasonal.periods = cs$periods)
  emit(nm, "y", cs$y)
  emit(nm, "periods", cs$periods)
  if (length(cs$periods) == 1) {
    s <- stl(ts(cs$y, frequency = cs$periods), s.window = 11)
    emit(nm, "stl_seasonal", as.numeric(s$time.series[, "seasonal"]))
    emit(nm, "stl_trend", as.numeric(s$time.series[, "trend"]))
  }
  d <- mstl(x)
  emit(nm, "mstl_trend", as.numeric(d[, "Trend"]))
  emit(nm, "mstl_remainder", as.numeric(d[, "Remainder"]))
  for (col in grep("^Seasonal", colnames(d), value = TRUE)) {
    emit(nm, paste0("mstl_", col), as.numeric(d[, col]))
  }
  fc <- forecast(d, h = cs$h, level = c(80, 95))
  e <- ets(seasadj(d), model = "ZZN")
  cat(sprintf("%s,ets,1,%s\n", nm, gsub("[(),]", "", e$method)), file = out)
  emit(nm, "mean", as.numeric(fc$mean))
  emit(nm, "lower80", as.numeric(fc$lower[, 1]))
  emit(nm, "upper80", as.numeric(fc$upper[, 1]))
  emit(nm, "lower95", as.numeric(fc$lower[, 2]))
  emit(nm, "upper95", as.numeric(fc$upper[, 2]))
}
close(out)
