package org.vigil.ingest;

import org.vigil.model.ValueScale;

/**
 * The {@link ValueScale} a file declares for the indicator it holds (an OWID file's optional {@code
 * Scale} column), and where: the ingest gives a new indicator this scale instead of the one its
 * unit suggests, and refuses a file that declares another scale than a defined indicator has.
 *
 * @param scale the declared scale
 * @param file the file's name
 * @param line the first line that declares it (1-based)
 * @param field the column that declares it
 */
public record DeclaredScale(ValueScale scale, String file, int line, String field) {
  public DeclaredScale {
    if (scale == null || line < 1 || field == null || field.isBlank()) {
      throw new IllegalArgumentException(
          "A declared scale needs a scale, a line from 1 and a field; found "
              + scale
              + ", line "
              + line
              + ", field '"
              + field
              + "'");
    }
    file = file == null ? "" : file;
  }

  /** "file.csv line 2, field Scale": where the declaration is, as rejections say it. */
  public String where() {
    return (file.isEmpty() ? "" : file + " ") + "line " + line + ", field " + field;
  }
}
