package org.vigil.app.programme;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vigil.model.InvalidInputException;
import org.vigil.model.programme.Programme;
import org.vigil.model.programme.ProgrammeCodec;
import org.vigil.timeseries.Period;

/**
 * The JSON form of a programme: the format of stored versions and of {@code vigil programme
 * import|export}. Records map field by field; dates are ISO ({@code 2024-01-01}), periods are
 * written as {@code 2028}, {@code 2028-12} or {@code 2028-Q4}, a missing budget amount is {@code
 * "NaN"} and an unknown adoption date is {@code -999999999-01-01}. Unknown fields are rejected, so
 * a typo is an error rather than a silently dropped value; so is a key given twice. Thread-safe.
 */
public final class ProgrammeJson implements ProgrammeCodec {
  private final ObjectMapper mapper;

  public ProgrammeJson() {
    SimpleModule periods = new SimpleModule("vigil-periods");
    periods.addSerializer(Period.class, new PeriodWriter());
    periods.addDeserializer(Period.class, new PeriodReader());
    periods.addSerializer(new OptionalWriter());
    this.mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(periods)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  /** The mapper, configured for Vigil's records (also used by the API and the CLI). */
  public ObjectMapper mapper() {
    return mapper;
  }

  @Override
  public String write(Programme programme) {
    try {
      return mapper.writeValueAsString(programme);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write programme " + programme.code() + " as JSON", e);
    }
  }

  @Override
  public Programme read(String text) {
    return read(text, "programme JSON");
  }

  /**
   * Reads a programme, naming {@code source} and the JSON path of a bad field in the error.
   *
   * @throws InvalidInputException saying where, what was expected and what was found
   */
  public Programme read(String text, String source) {
    try {
      Programme p = text == null ? null : mapper.readValue(text, Programme.class);
      if (p == null) {
        throw new InvalidInputException(
            source
                + ": expected a programme document (a JSON object as written by `vigil programme"
                + " export`), found "
                + (text == null || text.isBlank() ? "nothing" : "null"));
      }
      return p;
    } catch (JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why =
          root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      if (why != null && why.startsWith("Cannot map `null` into type")) {
        why = "the field is missing or null; expected a value (see `vigil programme export`)";
      }
      throw new InvalidInputException(
          source
              + ", line "
              + line(e)
              + ", field "
              + path(e)
              + ": "
              + why
              + ". Fix the field and import again.");
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          source
              + ", line "
              + line(e)
              + ": not valid JSON ("
              + e.getOriginalMessage()
              + "). Expected a programme document as written by `vigil programme export`.");
    }
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  private static String path(JsonMappingException e) {
    String p =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
    return p.isEmpty() ? "(document)" : "$" + p;
  }

  /** Writes any value (results, revisions) as JSON text, with Vigil's periods and optionals. */
  public String writeValue(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** An empty optional is written as null, a present one as its value. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class OptionalWriter extends StdSerializer<Optional> {
    OptionalWriter() {
      super(Optional.class);
    }

    @Override
    public void serialize(Optional o, JsonGenerator g, SerializerProvider s) throws IOException {
      if (o.isPresent()) {
        s.defaultSerializeValue(o.get(), g);
      } else {
        g.writeNull();
      }
    }
  }

  private static final class PeriodWriter extends JsonSerializer<Period> {
    @Override
    public void serialize(Period p, JsonGenerator g, SerializerProvider s) throws IOException {
      g.writeString(p.toString());
    }
  }

  private static final class PeriodReader extends JsonDeserializer<Period> {
    @Override
    public Period deserialize(JsonParser p, DeserializationContext c) throws IOException {
      String text = p.getValueAsString();
      try {
        return Period.parse(text);
      } catch (IllegalArgumentException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
    }
  }
}
