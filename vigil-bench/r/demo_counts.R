# The demo's count series scored with R's own forecasts: R's ets() point forecast and 80% interval
# give a count distribution by the engine's rule (negative binomial with the forecast's variance,
# Poisson when not over-dispersed), and its intervals are scored with both bound rules: R's
# quantiles (qpois/qnbinom) and the pair closest in probability to the level (implemented here
# independently of vigil-forecast's CountIntervals). Series with at least 30% zeros are left out:
# the engine fits those a zero-inflated distribution by moments, not from the model's variance.
#
# Run: ./vigil bench forecast-demo --export-counts counts.csv && Rscript vigil-bench/r/demo_counts.R counts.csv
# (R 4.2, forecast 8.20.)
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript demo_counts.R COUNTS.csv (from bench forecast-demo --export-counts)")
d <- read.csv(args[1], stringsAsFactors = FALSE)
probs <- c(0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975)

dist <- function(mu, var) {
  if (mu <= 0 || var <= mu * (1 + 1e-9)) {
    list(p = function(k) ppois(k, mu), q = function(p) qpois(p, mu))
  } else {
    size <- mu^2 / (var - mu)
    list(p = function(k) pnbinom(k, size = size, mu = mu), q = function(p) qnbinom(p, size = size, mu = mu))
  }
}

# Widest pair first; each pair among R's bounds and one count inwards, nested, around the median.
closest <- function(D) {
  q <- D$q(probs); m <- q[4]; out <- q; lo0 <- 0; hi0 <- Inf
  for (j in 1:3) {
    lvl <- probs[8 - j] - probs[j]; best <- c(q[j], q[8 - j]); gap <- Inf; mass0 <- 0
    for (up in 0:1) for (down in 0:1) {
      l <- q[j] + up; u <- q[8 - j] - down
      if (l < lo0 || l > m || u < m || u > hi0) next
      mass <- D$p(u) - D$p(l - 1); g <- abs(mass - lvl)
      if (g < gap - 1e-9 || (g < gap + 1e-9 && mass > mass0)) { gap <- g; mass0 <- mass; best <- c(l, u) }
    }
    out[j] <- best[1]; out[8 - j] <- best[2]; lo0 <- best[1]; hi0 <- best[2]
  }
  out
}

pinball <- function(y, q, p) ifelse(y >= q, p * (y - q), (1 - p) * (q - y))
scale12 <- function(y) {
  y <- y[!is.na(y)]; lag <- if (length(y) > 24) 12 else 1
  s <- mean(abs(diff(y, lag = lag))); if (!is.finite(s) || s == 0) 1 else s
}

acc <- list(before = c(0, 0, 0, 0, 0), after = c(0, 0, 0, 0, 0)); pit <- 0; n <- 0; nser <- 0
for (key in unique(paste(d$indicator, d$area))) {
  s <- d[paste(d$indicator, d$area) == key, ]
  train <- s$value[s$part == "train"]; test <- s$value[s$part == "test"]
  train <- na.interp(ts(train, frequency = 12))
  if (mean(train == 0) >= 0.3) next
  fc <- forecast(ets(train), h = length(test), level = 80)
  nser <- nser + 1
  sc <- scale12(as.numeric(train))
  for (h in seq_along(test)) {
    y <- test[h]; if (is.na(y)) next
    mu <- max(0, fc$mean[h]); sd <- (fc$upper[h, 1] - fc$lower[h, 1]) / (2 * qnorm(0.9))
    D <- dist(mu, sd^2)
    n <- n + 1
    f0 <- D$p(y - 1); f1 <- D$p(y)
    pit <- pit + if (f1 > f0) max(0, min(0.9, f1) - max(0.1, f0)) / (f1 - f0) else as.numeric(f0 >= 0.1 && f0 <= 0.9)
    for (rule in c("before", "after")) {
      q <- if (rule == "before") D$q(probs) else closest(D)
      acc[[rule]] <- acc[[rule]] + c(
        y >= q[2] && y <= q[6], y >= q[1] && y <= q[7],
        D$p(q[6]) - D$p(q[2] - 1),
        2 * mean(pinball(y, q, probs)) / sc, 1)
    }
  }
}
cat(sprintf("R ets() points and variance, %d count series that are not sparse, %d held-out points\n", nser, n))
cat(sprintf("pit80 (coverage of a continuous forecast as calibrated): %.2f\n", 100 * pit / n))
cat(sprintf("%-22s %7s %7s %7s %12s\n", "bounds", "cov80", "cov95", "exp80", "scaled_crps"))
for (rule in c("before", "after")) {
  a <- acc[[rule]]
  cat(sprintf("%-22s %7.2f %7.2f %7.2f %12.4f\n",
    if (rule == "before") "R's quantiles" else "closest probability",
    100 * a[1] / a[5], 100 * a[2] / a[5], 100 * a[3] / a[5], a[4] / a[5]))
}
