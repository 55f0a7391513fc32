package org.vigil.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Rows to print: named columns and cells. Cells may be strings, numbers, booleans, dates, instants
 * or {@code null} (missing). Build one, then hand it to {@link Renderer#print(Table)}:
 *
 * <pre>{@code
 * Table t = Table.of("code", "name");
 * for (Area a : areas) t.row(a.code(), a.nameEn());
 * renderer.print(t);
 * }</pre>
 */
public final class Table {
  private final List<String> columns;
  private final List<List<Object>> rows = new ArrayList<>();
  private int detail = -1;

  private Table(List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A table needs at least one column");
    }
    this.columns = List.copyOf(columns);
  }

  public static Table of(String... columns) {
    return new Table(Arrays.asList(columns));
  }

  public static Table of(List<String> columns) {
    return new Table(columns);
  }

  /**
   * Prints the named column (the last one) on its own lines under each row, indented and wrapped to
   * the table's width, in the aligned text format; JSON and CSV keep it as a column. For long text
   * (an alert's message) that a column would squeeze to a few characters.
   */
  public Table detail(String column) {
    int i = columns.indexOf(column);
    if (i != columns.size() - 1) {
      throw new IllegalArgumentException(
          "The detail column must be the last, found '" + column + "'");
    }
    detail = i;
    return this;
  }

  /** True when the last column is printed under each row (see {@link #detail(String)}). */
  public boolean hasDetail() {
    return detail >= 0;
  }

  /** Adds a row; it must have one cell per column. */
  public Table row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  public Table row(List<?> cells) {
    if (cells.size() != columns.size()) {
      throw new IllegalArgumentException(
          "Row has " + cells.size() + " cells, the table has " + columns.size() + " columns");
    }
    rows.add(Collections.unmodifiableList(new ArrayList<>(cells)));
    return this;
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<Object>> rows() {
    return Collections.unmodifiableList(rows);
  }
}
