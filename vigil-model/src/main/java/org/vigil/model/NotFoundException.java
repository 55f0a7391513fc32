package org.vigil.model;

/** A named thing does not exist, or the caller may not know that it exists. */
public final class NotFoundException extends VigilException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
