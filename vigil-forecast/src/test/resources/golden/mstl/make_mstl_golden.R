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
# The demo's weekly border crossings for KAZ (DemoHighFrequency; demo seed 20150101, loaded on
# 2026-12-07, so its last month is 2026-11; ISO weeks
# 2023-W49 to 2026-W48, as `./vigil series --indicator DEMO_BORDER_CROSSINGS_WEEKLY --area KAZ` prints
# them): the series ends four weeks before the yearly trough, where the seasonal rise begins.
weekly_demo <- c(
  38, 42, 40, 37, 37, 34, 46, 50, 31, 40, 42, 46, 39, 61, 58, 61, 74, 56, 68, 70, 79, 55, 65,
  67, 67, 81, 78, 86, 99, 91, 80, 78, 85, 82, 63, 81, 80, 78, 78, 65, 61, 76, 65, 52, 49, 39,
  53, 46, 48, 53, 36, 41, 48, 49, 38, 42, 38, 61, 35, 45, 43, 43, 44, 42, 59, 53, 56, 60, 54,
  66, 50, 70, 67, 79, 77, 73, 69, 89, 63, 95, 74, 94, 85, 78, 92, 92, 84, 90, 92, 71, 77, 89,
  68, 65, 64, 61, 64, 59, 52, 52, 58, 41, 31, 47, 44, 40, 48, 27, 39, 41, 48, 40, 49, 52, 43,
  47, 65, 58, 59, 60, 55, 61, 74, 79, 77, 83, 88, 76, 69, 73, 89, 77, 71, 97, 88, 97, 82, 79,
  102, 83, 98, 76, 91, 73, 68, 60, 64, 74, 72, 55, 54, 56, 54, 43, 47, 46
)
cases <- list(
  list(name = "weekly_a", y = weekly_a, periods = wk, h = 26),
  list(name = "weekly_b", y = weekly_b, periods = wk, h = 13),
  list(name = "daily_a", y = daily_a, periods = c(7, 365.25), h = 28),
  list(name = "daily_short", y = daily_short, periods = c(7, 365.25), h = 14),
  list(name = "weekly_demo", y = weekly_demo, periods = wk, h = 26)
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
  # The seasonal part of the forecast: how forecast.stl continues the components beyond the data.
  emit(nm, "seasonal_forecast", as.numeric(fc$mean) - as.numeric(forecast(e, h = cs$h)$mean))
  emit(nm, "lower80", as.numeric(fc$lower[, 1]))
  emit(nm, "upper80", as.numeric(fc$upper[, 1]))
  emit(nm, "lower95", as.numeric(fc$lower[, 2]))
  emit(nm, "upper95", as.numeric(fc$upper[, 2]))
}
close(out)
