package org.vigil.text;

import java.util.List;
import java.util.Set;

/**
 * Removes person names before anything is stored or indexed: Vigil keeps actors as types only. A
 * capitalised word is taken for a name when it follows a title ("President", "министр"), when it
 * stands beside another unknown capitalised word ("Warren Christopher"), when it is a Russian
 * patronymic, or after an initial ("J. Smith"). Places, institutions, months and acronyms are known
 * words and stay. The rule errs towards removing: an unknown two-word proper noun goes too. Pure
 * and thread-safe.
 */
public final class NameRedactor {
  /** What replaces a name in English and in other languages. */
  public static final String MARK_EN = "[person]";

  public static final String MARK_RU = "[лицо]";

  private static final Set<String> TITLES =
      Set.of(
          "president",
          "minister",
          "premier",
          "secretary",
          "leader",
          "spokesman",
          "spokeswoman",
          "ambassador",
          "envoy",
          "mr",
          "mrs",
          "ms",
          "dr",
          "general",
          "gen",
          "colonel",
          "col",
          "commander",
          "chief",
          "chairman",
          "director",
          "negotiator",
          "coordinator",
          "judge",
          "prosecutor",
          "king",
          "queen",
          "prince",
          "sheikh",
          "mayor",
          "governor",
          "senator",
          "deputy",
          "officer",
          "journalist",
          "activist",
          "candidate",
          "lieutenant",
          "captain",
          "президент",
          "министр",
          "премьер",
          "премьер-министр",
          "глава",
          "лидер",
          "посол",
          "генерал",
          "полковник",
          "председатель",
          "директор",
          "губернатор",
          "мэр",
          "депутат",
          "господин",
          "госпожа",
          "г-н",
          "гражданин",
          "гражданка",
          "журналист",
          "активист",
          "судья",
          "прокурор",
          "спикер",
          "руководитель",
          "командующий",
          "начальник",
          "кандидат",
          "президента",
          "министра",
          "главы",
          "лидера",
          "посла",
          "генерала",
          "председателя");

  private static final Set<String> KNOWN =
      Set.of(
          "court",
          "council",
          "community",
          "union",
          "nations",
          "bridge",
          "party",
          "army",
          "republic",
          "federation",
          "assembly",
          "heights",
          "bank",
          "news",
          "agency",
          "radio",
          "television",
          "forces",
          "front",
          "congress",
          "parliament",
          "government",
          "supreme",
          "united",
          "european",
          "national",
          "international",
          "state",
          "states",
          "organisation",
          "organization",
          "security",
          "foreign",
          "defence",
          "defense",
          "interior",
          "affairs",
          "sea",
          "river",
          "region",
          "province",
          "oblast",
          "valley",
          "ministry",
          "committee",
          "office",
          "service",
          "department",
          "commission",
          "senior",
          "western",
          "eastern",
          "northern",
          "southern",
          "central",
          "islamic",
          "muslim",
          "christian",
          "orthodox",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "the",
          "a",
          "an",
          "in",
          "on",
          "at",
          "planning",
          "investment",
          "north",
          "south",
          "east",
          "west",
          "new",
          "upper",
          "lower",
          "former",
          "ethnic",
          "kingdom",
          "emirates",
          "syr",
          "amu",
          "darya",
          "aral",
          "emergency",
          "relief",
          "crimes",
          "war",
          "red",
          "cross",
          "совет",
          "министерство",
          "суд",
          "комитет",
          "служба",
          "партия",
          "армия",
          "республика",
          "федерация",
          "собрание",
          "банк",
          "агентство",
          "союз",
          "организация",
          "безопасности",
          "государственный",
          "национальный",
          "верховный",
          "генеральный",
          "центральный",
          "понедельник",
          "вторник",
          "среда",
          "четверг",
          "пятница",
          "суббота",
          "воскресенье",
          "в",
          "на",
          "по",
          "с",
          "и",
          "о");

  private static final java.util.regex.Pattern NATIONALITY =
      java.util.regex.Pattern.compile(".+(ians?|eses?|ish|eans?|shi|shis|stani|stanis)");

  private final Gazetteer gazetteer;

  /** A redactor that knows the gazetteer's places. */
  public NameRedactor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The text with every name replaced by a marker in the text's language. */
  public String redact(String text, String language) {
    List<Token> tokens = Tokenizer.tokens(text);
    boolean[] place = new boolean[tokens.size()];
    for (Lexicon.Match<Place> m : gazetteer.find(tokens)) {
      for (int k = m.firstToken(); k < m.endToken(); k++) {
        place[k] = true;
      }
    }
    boolean[] name = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      name[i] = !place[i] && isName(tokens, i, place);
    }
    String mark = "ru".equals(language) ? MARK_RU : MARK_EN;
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (!name[i]) {
        continue;
      }
      int j = i;
      while (j + 1 < tokens.size() && name[j + 1] && onlySpaceOrInitial(text, tokens, j)) {
        j++;
      }
      int start = tokens.get(i).start();
      if (start >= 2 && text.charAt(start - 1) == ' ' && isInitialBefore(text, start - 1)) {
        start -= 3;
      }
      out.append(text, pos, Math.max(pos, start)).append(mark);
      pos = tokens.get(j).end();
      i = j;
    }
    out.append(text, pos, text.length());
    return out.toString();
  }

  private static boolean onlySpaceOrInitial(String text, List<Token> tokens, int j) {
    String gap = text.substring(tokens.get(j).end(), tokens.get(j + 1).start());
    return gap.isBlank() || gap.equals(". ");
  }

  private static boolean isInitialBefore(String text, int spaceAt) {
    return spaceAt >= 2
        && text.charAt(spaceAt - 1) == '.'
        && Character.isUpperCase(text.charAt(spaceAt - 2))
        && (spaceAt < 3 || !Character.isLetter(text.charAt(spaceAt - 3)));
  }

  private boolean isName(List<Token> tokens, int i, boolean[] place) {
    Token t = tokens.get(i);
    if (!candidate(t)) {
      return false;
    }
    String n = t.norm();
    if (t.cyrillic() && n.matches(".+(ович|евич|ьич|овна|евна|ична|инична)")) {
      return true;
    }
    if (i > 0) {
      Token p = tokens.get(i - 1);
      if (p.surface().length() == 1 && p.capitalised() && t.start() - p.end() == 2) {
        return true;
      }
    }
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      Token p = tokens.get(k);
      if (TITLES.contains(p.norm())) {
        return true;
      }
      if (!candidate(p)) {
        break;
      }
    }
    boolean prev =
        i > 0 && !place[i - 1] && candidate(tokens.get(i - 1)) && adjacent(tokens, i - 1);
    boolean next =
        i + 1 < tokens.size()
            && !place[i + 1]
            && candidate(tokens.get(i + 1))
            && adjacent(tokens, i);
    return prev || next;
  }

  private static boolean adjacent(List<Token> tokens, int i) {
    return tokens.get(i + 1).start() - tokens.get(i).end() == 1;
  }

  /** A capitalised word that is not an acronym, a place, a title or a known institution word. */
  private boolean candidate(Token t) {
    if (!t.capitalised() || t.surface().length() < 2) {
      return false;
    }
    String s = t.surface();
    if (s.equals(s.toUpperCase(java.util.Locale.ROOT))) {
      return false;
    }
    String n = t.norm();
    if (n.matches(".+(ian|ians|ese|ish|ean|eans|i|is)")
        && !t.cyrillic()
        && n.length() > 5
        && Character.isUpperCase(s.charAt(0))
        && NATIONALITY.matcher(n).matches()) {
      return false;
    }
    return !KNOWN.contains(n) && !TITLES.contains(n) && !gazetteer.isPlaceWord(t);
  }
}
