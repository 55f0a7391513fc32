package org.vigil.model;

/**
 * The organisation already stored (or is storing right now) a batch from a file with the same
 * SHA-256: the second copy is not stored. Ingest reports it as "already loaded".
 */
public final class AlreadyLoadedException extends VigilException {
  private static final long serialVersionUID = 1L;

  public AlreadyLoadedException(String message) {
    super(message);
  }
}
