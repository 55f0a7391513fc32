suppressMessages(library(forecast))
set.seed(2026)
m3 <- Sys.getenv("M3", "../shared/data/m3"); s <- read.csv(file.path(m3, "series.csv")); v <- read.csv(file.path(m3, "values.csv"))
num <- as.integer(sub("N", "", s$series))
ids <- s$series[s$period == "MONTHLY" & (num - 1) %% 3 == 0]
ids <- ids[seq(1, length(ids), by = 24)]
smape <- function(a, f) mean(200 * abs(a - f) / (abs(a) + abs(f)))
for (id in ids) {
  y <- v$value[v$series == id & v$split == "train"]
  n <- length(y); h <- 18
  x <- ts(y[1:(n - h)], frequency = 12); a <- y[(n - h + 1):n]
  t0 <- proc.time()[["elapsed"]]
  fb <- forecast(baggedETS(x, bootstrapped_series = bld.mbb.bootstrap(x, 25)), h = h)$mean
  tb <- proc.time()[["elapsed"]] - t0
  fe <- forecast(ets(x), h = h)$mean
  cat(sprintf("%s,%.4f,%.4f,%.2f\n", id, smape(a, fb), smape(a, fe), tb))
}
