/** Stored water allocation runs: their inputs, results and ownership. */
package org.vigil.model.water;
