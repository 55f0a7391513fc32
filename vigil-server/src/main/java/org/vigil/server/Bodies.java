package org.vigil.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;

/** Reads JSON request bodies; a malformed one is a 400 naming the field, expected and found. */
public final class Bodies {
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
      throw new BadRequestException(
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "); send a JSON object");
    }
    if (!(node instanceof ObjectNode o)) {
      throw new BadRequestException(
          "The request body must be a JSON object, found "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return o;
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
