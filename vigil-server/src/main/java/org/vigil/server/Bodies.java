package org.vigil.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads JSON request bodies; a malformed one is a 400 naming the field, expected and found. */
public final class Bodies {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)'");

  private Bodies() {}

  /** The body as a JSON object. */
  public static ObjectNode object(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new BadRequestException("The request needs a JSON object body, found an empty body");
    }
    JsonNode node;
    try {
      node = JsonMapping.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
    if (node == null || node.isMissingNode()) {
      throw new BadRequestException("The request needs a JSON object body, found an empty body");
    }
    if (!(node instanceof ObjectNode o)) {
      throw new BadRequestException(
          "The request body must be a JSON object, found "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return o;
  }

  /**
   * A 400 for a body Jackson could not read: a duplicate key names the key, too deep nesting or a
   * too long value names the limit, and a syntax error names line and column when Jackson knows
   * them (it does not for every failure, so the location is optional).
   */
  static BadRequestException unreadable(JsonProcessingException e) {
    String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    Matcher duplicate = DUPLICATE.matcher(what);
    if (duplicate.find()) {
      return new BadRequestException(
          "The request body has the key '"
              + Params.clip(duplicate.group(1))
              + "' twice in one object"
              + where
              + "; send each key once");
    }
    if (e instanceof StreamConstraintsException) {
      return new BadRequestException(
          "The request body exceeds a JSON limit ("
              + Params.clip(what.replaceAll("\\s+", " "))
              + "); send a flatter, smaller document");
    }
    return new BadRequestException(
        "The request body is not valid JSON" + where + "; send a JSON object");
  }

  /** Refuses fields other than the named ones: a misspelt field must not be silently ignored. */
  public static void onlyFields(ObjectNode o, String... allowed) {
    java.util.Set<String> known = java.util.Set.of(allowed);
    for (java.util.Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new BadRequestException(
            "Unknown field '"
                + Params.clip(f)
                + "': expected only "
                + String.join(", ", allowed)
                + "; nothing was changed");
      }
    }
  }

  /** A required string field. */
  public static String text(ObjectNode o, String field) {
    return optionalText(o, field)
        .orElseThrow(
            () ->
                new BadRequestException(
                    "Field '" + field + "' is required: expected a non-empty string, found none"));
  }

  /** An optional string field. */
  public static Optional<String> optionalText(ObjectNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new BadRequestException(
          "Field '"
              + field
              + "' must be a string, found "
              + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }

  /** An optional integer field. */
  public static Optional<Long> optionalLong(ObjectNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new BadRequestException(
          "Field '" + field + "' must be an integer, found " + Params.clip(v.toString()));
    }
    return Optional.of(v.asLong());
  }

  /** An optional boolean field. */
  public static Optional<Boolean> optionalBoolean(ObjectNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw new BadRequestException(
          "Field '" + field + "' must be true or false, found " + Params.clip(v.toString()));
    }
    return Optional.of(v.asBoolean());
  }
}
