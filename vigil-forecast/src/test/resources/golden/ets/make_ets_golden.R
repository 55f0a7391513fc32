# Reference ETS fits for vigil-forecast's golden tests.
# Run: Rscript make_ets_golden.R  (R 4.2, forecast 8.20, Debian 12) -> ets_golden.csv, hw_golden.csv
# Series come from R's own datasets package. Output rows: case,key,index,value.
suppressMessages(library(forecast))
out <- file("ets_golden.csv", "w")
emit <- function(case, key, value) {
  for (i in seq_along(value)) {
    cat(sprintf("%s,%s,%d,%.17g\n", case, key, i, value[i]), file = out)
  }
}
cat("case,key,index,value\n", file = out)
cases <- list(
  list(name = "airpassengers_MAM", x = AirPassengers, model = "MAM", damped = FALSE, h = 12),
  list(name = "usaccdeaths_AAA", x = USAccDeaths, model = "AAA", damped = FALSE, h = 12),
  list(name = "ukdriverdeaths_MNM", x = UKDriverDeaths, model = "MNM", damped = FALSE, h = 12),
  list(name = "nile_ANN", x = Nile, model = "ANN", damped = FALSE, h = 10),
  list(name = "lakehuron_AAdN", x = LakeHuron, model = "AAN", damped = TRUE, h = 10),
  list(name = "austres_MAdN", x = austres, model = "MAN", damped = TRUE, h = 8),
  list(name = "wwwusage_AAN", x = WWWusage, model = "AAN", damped = FALSE, h = 10),
  list(name = "co2_ANA", x = co2, model = "ANA", damped = FALSE, h = 24),
  list(name = "usaccdeaths_auto", x = USAccDeaths, model = "ZZZ", damped = NULL, h = 12),
  list(name = "airpassengers_auto", x = AirPassengers, model = "ZZZ", damped = NULL, h = 12),
  list(name = "nile_auto", x = Nile, model = "ZZZ", damped = NULL, h = 10),
  list(name = "austres_auto", x = austres, model = "ZZZ", damped = NULL, h = 8)
)
for (cs in cases) {
  fit <- ets(cs$x, model = cs$model, damped = cs$damped)
  fc <- forecast(fit, h = cs$h, level = c(80, 95))
  nm <- cs$name
  emit(nm, "y", as.numeric(cs$x))
  emit(nm, "frequency", frequency(cs$x))
  cat(sprintf("%s,model,1,%s\n", nm, gsub("[(),]", "", fit$method)), file = out)
  emit(nm, "loglik", fit$loglik)
  emit(nm, "aicc", fit$aicc)
  emit(nm, "sigma2", fit$sigma2)
  emit(nm, "mse", fit$mse)
  for (p in c("alpha", "beta", "gamma", "phi")) {
    if (!is.na(fit$par[p])) emit(nm, p, fit$par[p])
  }
  emit(nm, "init", as.numeric(fit$states[1, ]))
  emit(nm, "mean", as.numeric(fc$mean))
  emit(nm, "lower95", as.numeric(fc$lower[, 2]))
  emit(nm, "upper95", as.numeric(fc$upper[, 2]))
}
close(out)

# Holt-Winters (the reference idea of ../reference/README.md), with explicit start values so that
# the filter can be replayed exactly: level and trend from a line through the first two years'
# 2x12 moving average, seasonal from the classical additive decomposition of the first two years.
out <- file("hw_golden.csv", "w")
cat("case,key,index,value\n", file = out)
x <- log(AirPassengers)
st <- decompose(ts(x[1:24], start = start(x), frequency = 12), "additive")
dat <- na.omit(st$trend)
cf <- coef(lm(dat ~ seq_along(dat)))
hw <- HoltWinters(x, seasonal = "additive", l.start = cf[[1]], b.start = cf[[2]],
                  s.start = as.numeric(st$figure))
p <- predict(hw, n.ahead = 12)
nm <- "airpassengers_log_hw"
emit(nm, "y", as.numeric(x))
emit(nm, "start", c(cf[[1]], cf[[2]], as.numeric(st$figure)))
emit(nm, "alpha", hw$alpha)
emit(nm, "beta", hw$beta)
emit(nm, "gamma", hw$gamma)
emit(nm, "sse", hw$SSE)
emit(nm, "coefficients", as.numeric(hw$coefficients))
emit(nm, "mean", as.numeric(p))
close(out)

# Theta: thetaf() (Hyndman and Billah's form of the standard Theta method, with the M3 seasonal
# adjustment) on three classic series.
out <- file("theta_golden.csv", "w")
cat("case,key,index,value\n", file = out)
for (cs in list(list(name = "nile", x = Nile, h = 10),
                list(name = "airpassengers", x = AirPassengers, h = 12),
                list(name = "austres", x = austres, h = 8),
                list(name = "usaccdeaths", x = USAccDeaths, h = 12))) {
  fc <- thetaf(cs$x, h = cs$h)
  emit(cs$name, "y", as.numeric(cs$x))
  emit(cs$name, "frequency", frequency(cs$x))
  emit(cs$name, "mean", as.numeric(fc$mean))
  emit(cs$name, "upper95", as.numeric(fc$upper[, 2]))
}
close(out)
