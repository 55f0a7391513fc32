# Reference quantiles of the Poisson, negative binomial and zero-inflated negative binomial
# distributions, computed with SciPy (independently of Vigil) for CountDistributionTest.
# Run: python3 make_count_golden.py > count_quantiles.csv   (SciPy 1.17.1 produced the committed file)
# R gives the same values: qpois(p, mu); qnbinom(p, size = size, mu = mu); for the zero-inflated
# case, qnbinom(pmax(0, (p - pi) / (1 - pi)), size = size, mu = mu).
from scipy.stats import nbinom, poisson
import math

probs = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975]
cases = [
    (0.3, math.inf, 0.0), (2.5, math.inf, 0.0), (17.2, math.inf, 0.0), (1234.5, math.inf, 0.0),
    (0.4, 0.5, 0.0), (3.0, 1.2, 0.0), (12.0, 4.0, 0.0), (85.3, 15.0, 0.0), (2500.0, 40.0, 0.0),
    (1.5, 2.0, 0.4), (6.0, 0.8, 0.6), (20.0, 5.0, 0.2),
]
print("mu,size,pi," + ",".join("q%g" % p for p in probs))
for mu, size, pi in cases:
    out = []
    for p in probs:
        pp = max(0.0, (p - pi) / (1 - pi))
        if pp == 0:
            out.append(0)
            continue
        if math.isinf(size):
            q = poisson(mu).ppf(pp)
        else:
            q = nbinom(size, size / (size + mu)).ppf(pp)
        out.append(int(q))
    print("%s,%s,%s," % (mu, "Inf" if math.isinf(size) else size, pi) + ",".join(map(str, out)))
