/**
 * Water security engine: a basin as a network of sources, reservoirs, withdrawals by state and
 * sector, environmental flow points and outlets ({@link org.vigil.water.Basin}, validated as a
 * whole); agreements as data (shares, quotas, minimum releases); a monthly allocation solved as a
 * linear programme with ojAlgo ({@link org.vigil.water.WaterAllocator#allocate}) under a fairness
 * rule, with binding constraints, relief suggestions and, for infeasible scenarios, the conflicting
 * constraint groups ({@link org.vigil.water.AllocationResult}). No I/O and no clock: the store, API
 * and CLI call it. {@link org.vigil.water.WaterBench} times it against a hand-built ojAlgo model of
 * the same programme.
 */
package org.vigil.water;
