/**
 * A global forecasting member: one small neural network trained on windows of many series of the
 * same seasonal period, then used to forecast any series of that period. The idea follows the
 * global models of the M4 era (a single model fitted across series, as in N-BEATS, Oreshkin et al.
 * 2020), on a much smaller scale: a two-hidden-layer perceptron on log ratios to the window's
 * level, trained with Adam on the L1 loss, and the median over an ensemble of seeds. {@link
 * org.vigil.forecast.global.GlobalNet} trains and forecasts; {@link
 * org.vigil.forecast.global.GlobalNetSpec} describes a run.
 */
package org.vigil.forecast.global;
