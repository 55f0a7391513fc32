package org.vigil.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * States, regions and main cities in English and Russian. Country names in both languages come from
 * the JDK's locale data (every ISO 3166 country); {@code places.tsv} adds aliases, demonyms and the
 * regions and cities of the member states. Russian names match in every case ending ("Таджикистан",
 * "в Таджикистане", "Таджикистана") because each word longer than four letters is matched as a
 * stem. Immutable and thread-safe.
 */
public final class Gazetteer {
  /** Russian country names that are also common words; they are matched by the supplement only. */
  private static final Set<String> RU_AMBIGUOUS = Set.of("того", "мали", "чад", "куба", "перу");

  private static final Set<String> EN_AMBIGUOUS = Set.of("jersey", "turkey", "chad", "jordan");

  private final Lexicon<Place> lexicon;

  private Gazetteer(Lexicon<Place> lexicon) {
    this.lexicon = lexicon;
  }

  /** The shipped gazetteer. */
  public static Gazetteer standard() {
    Lexicon<Place> lex = Lexicon.load("places.tsv", Place::parse);
    Locale ru = Locale.forLanguageTag("ru");
    for (String iso2 : Locale.getISOCountries()) {
      Locale c = new Locale("", iso2);
      String iso3;
      try {
        iso3 = c.getISO3Country();
      } catch (MissingResourceException e) {
        continue;
      }
      Place p = new Place(iso3, "country", c.getDisplayCountry(Locale.ENGLISH));
      String en = Tokenizer.normalise(p.name());
      if (!en.contains("(") && !en.contains(",") && !EN_AMBIGUOUS.contains(en)) {
        lex.add(phrase(en), p);
      }
      if (en.equals("turkey") || en.equals("jordan") || en.equals("chad")) {
        lex.add("=" + p.name(), p);
      }
      String r = Tokenizer.normalise(c.getDisplayCountry(ru));
      if (!r.contains("(") && !r.contains(",") && !RU_AMBIGUOUS.contains(r)) {
        lex.add(russianPhrase(r), p);
      }
    }
    return new Gazetteer(lex);
  }

  private static String phrase(String name) {
    return String.join(" ", words(name));
  }

  private static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (Token t : Tokenizer.tokens(name)) {
      out.add(t.norm());
    }
    return out;
  }

  /** Each Russian word of five letters or more becomes a stem without its final vowel. */
  static String russianPhrase(String name) {
    List<String> out = new ArrayList<>();
    for (String w : words(name)) {
      if (w.length() >= 5) {
        String stem =
            "аяоеийьыу".indexOf(w.charAt(w.length() - 1)) >= 0 ? w.substring(0, w.length() - 1) : w;
        out.add(stem + "*");
      } else {
        out.add(w);
      }
    }
    return String.join(" ", out);
  }

  /** Places named in the tokens, each with the span it came from. */
  public List<Lexicon.Match<Place>> find(List<Token> tokens) {
    return lexicon.find(tokens);
  }

  /** True when the word is (part of) a place name: used to tell places from person names. */
  boolean isPlaceWord(Token t) {
    return !lexicon.find(List.of(t)).isEmpty();
  }
}
