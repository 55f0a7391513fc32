package org.vigil.server;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.vigil.model.Classification;

/** Reads query and path parameters; a bad one is a 400 naming the parameter, expected and found. */
public final class Params {
  private Params() {}

  /** A required query parameter. */
  public static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new BadRequestException(
          "Query parameter '" + name + "' is required and was missing; add ?" + name + "=...");
    }
    return v.trim();
  }

  /** A classification named in a parameter or body field; an unknown name is a 400. */
  public static Classification classification(String text) {
    try {
      return Classification.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** An optional query parameter; blank counts as absent. */
  public static Optional<String> optional(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** An integer query parameter within [min, max], or the default when absent. */
  public static int intParam(Context ctx, String name, int dflt, int min, int max) {
    Optional<String> v = optional(ctx, name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v.get());
      if (i < min || i > max) {
        throw new BadRequestException(
            "Query parameter '"
                + name
                + "' must be between "
                + min
                + " and "
                + max
                + ", found "
                + i);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Query parameter '" + name + "' must be an integer, found '" + clip(v.get()) + "'");
    }
  }

  /** A whole-number query parameter (any long), or the default when absent. */
  public static long longParam(Context ctx, String name, long dflt) {
    Optional<String> v = optional(ctx, name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw new BadRequestException(
          "Query parameter '" + name + "' must be a whole number, found '" + clip(v.get()) + "'");
    }
  }

  /**
   * A point in time: an ISO instant ({@code 2024-03-01T12:00:00Z}) or a date ({@code 2024-03-01},
   * meaning the end of that day in UTC).
   */
  public static Optional<Instant> instant(Context ctx, String name) {
    return optional(ctx, name).map(v -> parseInstant(name, v));
  }

  /** An ISO date ({@code 2024-03-01}) in the years 0001 to 9999. */
  public static Optional<LocalDate> date(Context ctx, String name) {
    return optional(ctx, name)
        .map(
            v -> {
              try {
                return inRange(name, v, LocalDate.parse(v));
              } catch (DateTimeParseException e) {
                throw new BadRequestException(
                    "Query parameter '"
                        + name
                        + "' must be a date like 2024-03-01, found '"
                        + clip(v)
                        + "'");
              }
            });
  }

  static Instant parseInstant(String name, String v) {
    try {
      if (v.length() == 10) {
        return inRange(name, v, LocalDate.parse(v))
            .plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC)
            .minusNanos(1);
      }
      Instant i = Instant.parse(v);
      inRange(name, v, LocalDate.ofInstant(i, ZoneOffset.UTC));
      return i;
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "Query parameter '"
              + name
              + "' must be a date (2024-03-01) or an instant (2024-03-01T12:00:00Z), found '"
              + clip(v)
              + "'");
    }
  }

  /**
   * Dates outside the years 1 to 9999 are refused: Java parses them, but day arithmetic at the
   * edges overflows and databases do not store them.
   */
  private static LocalDate inRange(String name, String v, LocalDate d) {
    if (d.getYear() < 1 || d.getYear() > 9999) {
      throw new BadRequestException(
          "Query parameter '"
              + name
              + "' must be a date in the years 0001 to 9999, found '"
              + clip(v)
              + "'");
    }
    return d;
  }

  /** Echoes user input in messages only up to a short, printable length. */
  static String clip(String s) {
    String printable = s.replaceAll("[^\\p{Print}]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
