package org.vigil.water;

import java.util.List;

/**
 * A basin or allocation spec that breaks the rules. It carries every problem found, each naming the
 * node, link, agreement or field and the value found, so a caller can show them all at once.
 */
public final class WaterInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  /** An exception listing {@code errors} (at least one). */
  public WaterInputException(String subject, List<String> errors) {
    super(subject + ": " + errors.size() + " problem(s): " + String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** The problems, one sentence each. */
  public List<String> errors() {
    return errors;
  }
}
