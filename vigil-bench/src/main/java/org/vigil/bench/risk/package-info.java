/** Timing of the whole composite risk index: {@code ./vigil bench risk}. */
package org.vigil.bench.risk;
