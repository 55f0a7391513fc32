package org.vigil.model;

/** A caller tried to read or write what its access context does not allow. */
public final class AccessDeniedException extends VigilException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
