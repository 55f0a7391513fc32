package org.vigil.model.programme;

/**
 * Turns a programme document into text and back. The store keeps every version as an immutable
 * snapshot in this form and does not look inside; the application supplies a JSON codec.
 */
public interface ProgrammeCodec {
  String write(Programme programme);

  /**
   * @throws org.vigil.model.InvalidInputException naming the field that does not read
   */
  Programme read(String text);
}
