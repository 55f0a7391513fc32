package org.vigil.app.sources;

import org.vigil.model.VigilException;

/**
 * A public source could not be reached or did not answer with data: no network, a refused
 * connection, a time-out, an HTTP error or an error document. Nothing was stored. The message is
 * one line: "cannot reach api.worldbank.org: connection refused; nothing was stored".
 */
public final class SourceUnavailableException extends VigilException {
  private static final long serialVersionUID = 1L;

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public SourceUnavailableException(String message) {
    super(message);
  }
}
