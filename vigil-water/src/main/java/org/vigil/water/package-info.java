/**
 * Water security engine: a basin as a network of sources, reservoirs, withdrawals, environmental
 * flow points and outlets; agreements as data; a monthly allocation solved as a linear programme.
 */
package org.vigil.water;
