package org.vigil.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A gold-standard PLOVER sentence (Open Event Data Alliance format: a JSON array of records with
 * {@code text}, {@code event}, {@code mode}, {@code context}, {@code source} and {@code target}).
 *
 * @param id record id
 * @param text the sentence
 * @param category PLOVER event category
 * @param mode PLOVER mode or empty
 * @param contexts PLOVER contexts
 * @param countries ISO3 codes of the source and target actors (group codes such as IGO left out)
 */
public record PloverGold(
    String id,
    String text,
    String category,
    String mode,
    Set<String> contexts,
    Set<String> countries) {
  /** Old CAMEO country codes that differ from ISO 3166 alpha-3. */
  private static final Map<String, String> CAMEO_TO_ISO = Map.of("JAP", "JPN", "ITL", "ITA");

  private static final Set<String> ISO3 = iso3();

  /** Parses a gold file; a bad record names its position and what is wrong. */
  public static List<PloverGold> parse(InputStream in, String name) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(
          name
              + ": expected a JSON array of PLOVER records, found "
              + (root == null ? "nothing" : root.getNodeType()));
    }
    List<PloverGold> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode r = root.get(i);
      String text = r.path("text").asText("");
      String event = r.path("event").asText("").toUpperCase(Locale.ROOT);
      if (text.isBlank() || !PloverTrigger.CATEGORIES.contains(event)) {
        throw new IllegalArgumentException(
            name
                + " record "
                + (i + 1)
                + " ("
                + r.path("id").asText("no id")
                + "): expected "
                + "a text and a PLOVER event category, found event '"
                + event
                + "'");
      }
      Set<String> ctx = new LinkedHashSet<>();
      for (String c : r.path("context").asText("").split(",")) {
        String t = c.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          ctx.add(t.equals("refugees") ? "refugee" : t);
        }
      }
      Set<String> countries = new LinkedHashSet<>();
      for (String side : new String[] {"source", "target"}) {
        for (JsonNode a : r.path(side)) {
          String code = a.path("code").asText("").trim().toUpperCase(Locale.ROOT);
          code = CAMEO_TO_ISO.getOrDefault(code, code);
          if (ISO3.contains(code)) {
            countries.add(code);
          }
        }
      }
      out.add(
          new PloverGold(
              r.path("id").asText("#" + (i + 1)),
              text,
              event,
              r.path("mode").asText("").trim(),
              ctx,
              countries));
    }
    return out;
  }

  private static Set<String> iso3() {
    Set<String> s = new java.util.HashSet<>();
    for (String c : Locale.getISOCountries()) {
      s.add(new Locale("", c).getISO3Country());
    }
    return s;
  }
}
