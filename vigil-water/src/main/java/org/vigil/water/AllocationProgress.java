package org.vigil.water;

/**
 * Receives the progress of the long parts of an allocation: the re-solves of the relief analysis
 * and of the infeasibility explanation. Called on the allocating thread.
 */
@FunctionalInterface
public interface AllocationProgress {
  /** Ignores progress. */
  AllocationProgress NONE = (stage, done, total) -> {};

  /** The long parts of a run. */
  enum Stage {
    /** Re-solving with one binding constraint relaxed; total is the most checks allowed. */
    RELIEF,
    /** The deletion filter and the elastic programme of an infeasible scenario. */
    EXPLAIN
  }

  /** {@code done} of at most {@code total} solves of {@code stage} are finished. */
  void step(Stage stage, int done, int total);
}
