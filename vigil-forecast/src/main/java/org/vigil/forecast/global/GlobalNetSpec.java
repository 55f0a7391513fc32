package org.vigil.forecast.global;

/**
 * How a {@link GlobalNet} is trained. Immutable; the same spec, panel and seed give the same
 * network bit for bit.
 *
 * @param inputLength values the network reads (the last {@code inputLength} of a series; shorter
 *     series are padded on the left with their first value)
 * @param width units in each of the two hidden layers
 * @param epochs passes over the training windows
 * @param ensembleSize networks trained from seeds {@code seed, seed + 1, ...}; the forecast is the
 *     median of their outputs, step by step
 * @param seed the first member's seed
 * @param batchSize windows per Adam step
 * @param learningRate Adam's step size in the first third of the epochs (halved for each later
 *     third)
 */
public record GlobalNetSpec(
    int inputLength,
    int width,
    int epochs,
    int ensembleSize,
    long seed,
    int batchSize,
    double learningRate) {

  /** Input 24, width 128, 10 epochs, 5 members, seed 1, batches of 512, step 0.001. */
  public static final GlobalNetSpec DEFAULT = new GlobalNetSpec(24, 128, 10, 5, 1, 512, 1e-3);

  public GlobalNetSpec {
    positive("inputLength", inputLength);
    positive("width", width);
    positive("epochs", epochs);
    positive("ensembleSize", ensembleSize);
    positive("batchSize", batchSize);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException(
          "GlobalNetSpec.learningRate must be a positive finite number, found " + learningRate);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "GlobalNetSpec." + name + " must be at least 1, found " + value);
    }
  }

  public GlobalNetSpec withInputLength(int v) {
    return new GlobalNetSpec(v, width, epochs, ensembleSize, seed, batchSize, learningRate);
  }

  public GlobalNetSpec withWidth(int v) {
    return new GlobalNetSpec(inputLength, v, epochs, ensembleSize, seed, batchSize, learningRate);
  }

  public GlobalNetSpec withEpochs(int v) {
    return new GlobalNetSpec(inputLength, width, v, ensembleSize, seed, batchSize, learningRate);
  }

  public GlobalNetSpec withEnsembleSize(int v) {
    return new GlobalNetSpec(inputLength, width, epochs, v, seed, batchSize, learningRate);
  }

  public GlobalNetSpec withSeed(long v) {
    return new GlobalNetSpec(inputLength, width, epochs, ensembleSize, v, batchSize, learningRate);
  }

  @Override
  public String toString() {
    return "L" + inputLength + "/w" + width + "/e" + epochs + "/n" + ensembleSize + "/s" + seed;
  }
}
