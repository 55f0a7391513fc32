# Reference ARIMA fits for Vigil's golden tests (org.vigil.forecast.arima).
# Run from this folder:  Rscript make_golden.R
# Produced with R 4.2.2 and forecast 8.20 (Debian 12 packages r-base, r-cran-forecast).
# Writes series.csv (the data, copied out of R's datasets package), fixed_fits.csv
# (forecast::Arima with given orders) and auto_fits.csv (forecast::auto.arima with defaults),
# all in long form: one number per row.
suppressPackageStartupMessages(library(forecast))
h <- 12

series <- list(
  logAirPassengers = log(AirPassengers),
  AirPassengers = AirPassengers,
  LakeHuron = LakeHuron,
  Nile = Nile,
  lynx = lynx,
  USAccDeaths = USAccDeaths,
  UKDriverDeaths = UKDriverDeaths,
  WWWusage = WWWusage,
  ldeaths = ldeaths,
  nottem = nottem,
  austres = austres,
  JohnsonJohnson = JohnsonJohnson,
  BJsales = BJsales,
  co2 = co2,
  sunspotYear = sunspot.year
)

rows <- list()
for (nm in names(series)) {
  x <- series[[nm]]
  rows[[nm]] <- data.frame(series = nm, frequency = frequency(x), t = seq_along(x),
                           value = sprintf("%.17g", as.numeric(x)))
}
write.csv(do.call(rbind, rows), "series.csv", row.names = FALSE, quote = FALSE)

nz <- function(v) if (is.null(v)) NA else v

describe <- function(case, nm, fit, fc) {
  o <- fit$arma  # p, q, P, Q, m, d, D
  cf <- coef(fit)
  keys <- c("p", "d", "q", "P", "D", "Q", "m",
            if (length(cf) > 0) paste0("coef.", names(cf)) else character(0),
            "sigma2", "loglik", "aic", "aicc", "bic",
            paste0("mean.", seq_len(h)), paste0("se.", seq_len(h)))
  se <- as.numeric((fc$upper[, "95%"] - fc$mean) / qnorm(0.975))
  vals <- c(o[1], o[6], o[2], o[3], o[7], o[4], o[5], cf,
            nz(fit$sigma2), nz(fit$loglik), nz(fit$aic), nz(fit$aicc), nz(fit$bic),
            as.numeric(fc$mean), se)
  data.frame(case = case, series = nm, key = keys, value = sprintf("%.17g", vals))
}

fixed <- list(
  list("airline", "logAirPassengers", c(0, 1, 1), c(0, 1, 1), FALSE),
  list("usaccdeaths_airline", "USAccDeaths", c(0, 1, 1), c(0, 1, 1), FALSE),
  list("lakehuron_ar2_mean", "LakeHuron", c(2, 0, 0), c(0, 0, 0), TRUE),
  list("lakehuron_arma11_mean", "LakeHuron", c(1, 0, 1), c(0, 0, 0), TRUE),
  list("nile_ima11", "Nile", c(0, 1, 1), c(0, 0, 0), FALSE),
  list("nile_arma11_mean", "Nile", c(1, 0, 1), c(0, 0, 0), TRUE),
  list("lynx_ar2_mean", "lynx", c(2, 0, 0), c(0, 0, 0), TRUE),
  list("lynx_arma22_mean", "lynx", c(2, 0, 2), c(0, 0, 0), TRUE),
  list("wwwusage_ari31", "WWWusage", c(3, 1, 0), c(0, 0, 0), FALSE),
  list("wwwusage_arima111_drift", "WWWusage", c(1, 1, 1), c(0, 0, 0), TRUE),
  list("ukdriverdeaths_sdiff_drift", "UKDriverDeaths", c(1, 0, 0), c(0, 1, 1), TRUE),
  list("ldeaths_sar_mean", "ldeaths", c(2, 0, 0), c(1, 0, 0), TRUE),
  list("austres_ima_sar", "austres", c(0, 2, 1), c(1, 0, 0), FALSE),
  list("bjsales_arima212_drift", "BJsales", c(2, 1, 2), c(0, 0, 0), TRUE)
)
out <- list()
for (f in fixed) {
  x <- series[[f[[2]]]]
  fit <- Arima(x, order = f[[3]], seasonal = f[[4]], include.constant = f[[5]])
  out[[f[[1]]]] <- describe(f[[1]], f[[2]], fit, forecast(fit, h = h))
  out[[f[[1]]]] <- rbind(out[[f[[1]]]],
    data.frame(case = f[[1]], series = f[[2]], key = "constant", value = as.integer(f[[5]])))
}
write.csv(do.call(rbind, out), "fixed_fits.csv", row.names = FALSE, quote = FALSE)

auto <- list()
for (nm in names(series)) {
  x <- series[[nm]]
  fit <- auto.arima(x)
  d <- describe(nm, nm, fit, forecast(fit, h = h))
  D <- if (frequency(x) > 1) nsdiffs(x) else 0
  dx <- if (D > 0) diff(x, lag = frequency(x)) else x
  extra <- data.frame(case = nm, series = nm,
                      key = c("constant", "nsdiffs", "ndiffs"),
                      value = c(as.integer(any(names(coef(fit)) %in% c("drift", "intercept"))),
                                D, ndiffs(dx)))
  auto[[nm]] <- rbind(d, extra)
}
write.csv(do.call(rbind, auto), "auto_fits.csv", row.names = FALSE, quote = FALSE)

# Unit-root and seasonality statistics behind auto.arima's choice of d and D:
# the KPSS level statistic with lag trunc(3 sqrt(n) / 13) (as forecast::ndiffs calls urca)
# and the STL seasonal strength of forecast's nsdiffs(test = "seas").
stats <- list()
for (nm in names(series)) {
  x <- series[[nm]]
  kpss <- urca::ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(length(x)) / 13))@teststat
  strength <- if (frequency(x) > 1) forecast:::seas.heuristic(x) else NA
  stats[[nm]] <- data.frame(case = nm, series = nm, key = c("kpss", "strength"),
                            value = sprintf("%.17g", c(kpss, strength)))
}
write.csv(do.call(rbind, stats), "unitroot_stats.csv", row.names = FALSE, quote = FALSE)
