# Reference values for the Mann-Kendall / Sen's slope golden tests (MannKendallGoldenTest).
# Run from this folder:  Rscript make-golden.R
# Writes series.csv (the inputs, NA for gaps) and reference.csv (R's results).
# R's datasets are used inside R; only their values and R's outputs are committed.
options(digits = 17)
nile_gaps <- as.numeric(Nile); nile_gaps[c(5, 17, 18, 40, 77)] <- NA
huron_round <- round(as.numeric(LakeHuron))
heavy_ties <- c(1, 2, 2, 3, 3, 3, NA, 4, 2, 5, 5, NA, 5, 6)
series <- list(
  nile = as.numeric(Nile),
  lakehuron = as.numeric(LakeHuron),
  lakehuron_rounded = huron_round,
  nile_gaps = nile_gaps,
  discoveries = as.numeric(discoveries),
  lynx = as.numeric(lynx),
  precip_head = as.numeric(precip[1:40]),
  heavy_ties = heavy_ties,
  falling_short = c(9, 8, 8, 7, NA, 5, 5, 4)
)
# within-season series of monthly data (season = month), for the seasonal test and slope
co2m <- matrix(as.numeric(co2), nrow = 12)
air <- matrix(log(as.numeric(AirPassengers)), nrow = 12)
for (m in 1:12) {
  series[[sprintf("co2_m%02d", m)]] <- co2m[m, ]
  series[[sprintf("airlog_m%02d", m)]] <- air[m, ]
}
sen <- function(x) {
  t <- seq_along(x); ok <- !is.na(x); tt <- t[ok]; xx <- x[ok]
  d <- outer(xx, xx, "-"); dt <- outer(tt, tt, "-")
  median(d[upper.tri(d)] / dt[upper.tri(dt)])
}
rows <- lapply(names(series), function(name) {
  x <- series[[name]]
  a <- suppressWarnings(cor.test(x, seq_along(x), method = "kendall", exact = FALSE))
  b <- suppressWarnings(cor.test(x, seq_along(x), method = "kendall", exact = FALSE, continuity = TRUE))
  data.frame(name = name, n = sum(!is.na(x)), tau = unname(a$estimate),
             z = unname(a$statistic), p = a$p.value,
             z_cc = unname(b$statistic), p_cc = b$p.value, sen = sen(x))
})
write.csv(do.call(rbind, rows), "reference.csv", row.names = FALSE)
# seasonal Sen slope per year: median of all within-season slopes
seasonal_sen <- function(m) {
  s <- c()
  for (i in 1:nrow(m)) {
    x <- m[i, ]; t <- seq_along(x); ok <- !is.na(x); tt <- t[ok]; xx <- x[ok]
    d <- outer(xx, xx, "-"); dt <- outer(tt, tt, "-")
    s <- c(s, d[upper.tri(d)] / dt[upper.tri(dt)])
  }
  median(s)
}
write.csv(data.frame(name = c("co2", "airlog"), seasonal_sen = c(seasonal_sen(co2m), seasonal_sen(air))),
          "reference-seasonal.csv", row.names = FALSE)
vals <- sapply(names(series), function(name) paste(ifelse(is.na(series[[name]]), "NA",
                                                          format(series[[name]], digits = 17, trim = TRUE)), collapse = ";"))
write.csv(data.frame(name = names(series), values = unname(vals)), "series.csv", row.names = FALSE)
monthly <- data.frame(name = c("co2", "airlog"),
                      values = c(paste(format(as.numeric(co2), digits = 17, trim = TRUE), collapse = ";"),
                                 paste(format(log(as.numeric(AirPassengers)), digits = 17, trim = TRUE), collapse = ";")))
write.csv(monthly, "monthly.csv", row.names = FALSE)
cat(R.version.string, "\n", file = "R-VERSION")
