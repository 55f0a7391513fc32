package org.vigil.text.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jsoup.Jsoup;
import org.vigil.model.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads texts from files: plain text (.txt: first line is the title), HTML (.html, .htm: jsoup;
 * title, body text, published date from the usual meta tags), JSON lines (.jsonl: one object a line
 * with title, text, and optional source, url, published), RSS 2.0 and Atom feed files (.rss, .atom,
 * .xml), and folders of such files (recursively, in name order). Input must be UTF-8, not binary,
 * not empty and at most {@link #MAX_BYTES} bytes; any problem is an {@link InvalidInputException}
 * naming file, line and field, thrown before anything is returned.
 */
public final class TextSources {
  /** The largest file read (20 MB). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TextSources() {}

  /** Every text in the given files and folders, in order; all or nothing. */
  public static List<RawText> read(List<Path> paths) {
    List<RawText> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files = s.filter(Files::isRegularFile).filter(TextSources::known).sorted().toList();
        } catch (IOException e) {
          throw new InvalidInputException("Cannot list folder " + p + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
          throw new InvalidInputException(
              p
                  + ": expected .txt, .html, .htm, .jsonl, .rss, .atom or .xml files in the"
                  + " folder, found none");
        }
        for (Path f : files) {
          out.addAll(readFile(f));
        }
      } else {
        out.addAll(readFile(p));
      }
    }
    return out;
  }

  private static boolean known(Path p) {
    return !kind(p).isEmpty();
  }

  private static String kind(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    String ext = dot < 0 ? "" : n.substring(dot + 1);
    return switch (ext) {
      case "txt", "text" -> "text";
      case "html", "htm" -> "html";
      case "jsonl", "ndjson" -> "jsonl";
      case "rss", "atom", "xml" -> "feed";
      default -> "";
    };
  }

  /** The texts of one file. */
  public static List<RawText> readFile(Path file) {
    String kind = kind(file);
    if (kind.isEmpty()) {
      throw new InvalidInputException(
          file
              + ": expected a .txt, .html, .htm, .jsonl, .rss, .atom or .xml file or a folder,"
              + " found '"
              + file.getFileName()
              + "'");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + file + "; check the path");
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
    }
    if (size > MAX_BYTES) {
      throw new InvalidInputException(
          file
              + ": expected at most "
              + MAX_BYTES / (1024 * 1024)
              + " MB, found "
              + size / (1024 * 1024)
              + " MB; split the file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
    }
    return parse(file.toString(), kind, bytes, lastModified(file));
  }

  private static LocalDate lastModified(Path file) {
    try {
      return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Parses bytes of a kind ("text", "html", "jsonl", "feed").
   *
   * @param name the file's name, for messages
   * @param fallbackDate the date for texts whose input gives none (plain text: the file's date)
   */
  public static List<RawText> parse(
      String name, String kind, byte[] bytes, LocalDate fallbackDate) {
    String text = decode(name, bytes);
    if (text.isBlank()) {
      throw new InvalidInputException(name + ": expected text, found an empty file");
    }
    List<RawText> out =
        switch (kind) {
          case "text" -> plain(name, text, fallbackDate);
          case "html" -> html(name, text, fallbackDate);
          case "jsonl" -> jsonLines(name, text);
          case "feed" -> feed(name, bytes);
          default -> throw new InvalidInputException(name + ": unknown kind " + kind);
        };
    if (out.isEmpty()) {
      throw new InvalidInputException(name + ": expected at least one text, found none");
    }
    return out;
  }

  private static String decode(String name, byte[] bytes) {
    int controls = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == 0) {
        throw new InvalidInputException(
            name
                + " line "
                + line(bytes, i)
                + ": expected text, found a NUL byte at offset "
                + i
                + " (a binary file?)");
      }
      if (b > 0 && b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        controls++;
      }
    }
    if (bytes.length > 0 && controls > Math.max(8, bytes.length / 100)) {
      throw new InvalidInputException(
          name + ": expected text, found " + controls + " control bytes (a binary file?)");
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      throw new InvalidInputException(
          name
              + " line "
              + line(bytes, bad)
              + ": expected UTF-8, found byte 0x"
              + String.format(Locale.ROOT, "%02X", bytes[bad] & 0xff)
              + " at offset "
              + bad
              + "; convert the file to UTF-8 (for example iconv -f CP1251 -t UTF-8)");
    }
  }

  private static int line(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n;
      if (c < 0x80) {
        n = 0;
      } else if (c >= 0xC2 && c < 0xE0) {
        n = 1;
      } else if (c >= 0xE0 && c < 0xF0) {
        n = 2;
      } else if (c >= 0xF0 && c < 0xF5) {
        n = 3;
      } else {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(0, b.length - 1);
  }

  private static List<RawText> plain(String name, String text, LocalDate date) {
    String t = text.strip();
    int nl = t.indexOf('\n');
    String title = (nl < 0 ? t : t.substring(0, nl)).strip();
    if (title.length() > 300) {
      title = title.substring(0, 300);
    }
    return List.of(new RawText(name, title, t, fileName(name), "", date));
  }

  private static String fileName(String name) {
    return Path.of(name).getFileName().toString();
  }

  private static List<RawText> html(String name, String text, LocalDate fallback) {
    org.jsoup.nodes.Document d = Jsoup.parse(text);
    String body = d.body() == null ? "" : d.body().text().strip();
    if (body.isBlank()) {
      throw new InvalidInputException(
          name + " field body: expected text in the HTML body, found none");
    }
    String title =
        d.title().isBlank() ? body.substring(0, Math.min(120, body.length())) : d.title();
    LocalDate date = fallback;
    for (String sel :
        List.of(
            "meta[property=article:published_time]",
            "meta[name=date]",
            "meta[name=pubdate]",
            "meta[itemprop=datePublished]")) {
      var m = d.selectFirst(sel);
      if (m != null && !m.attr("content").isBlank()) {
        date = date(name + " field " + sel, m.attr("content"));
        break;
      }
    }
    var canonical = d.selectFirst("link[rel=canonical]");
    return List.of(
        new RawText(
            name,
            title.strip(),
            body,
            fileName(name),
            canonical == null ? "" : canonical.attr("href"),
            date));
  }

  private static List<RawText> jsonLines(String name, String text) {
    List<RawText> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.isEmpty()) {
        continue;
      }
      String where = name + " line " + (i + 1);
      JsonNode n;
      try {
        n = JSON.readTree(l);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new InvalidInputException(
            where
                + ": expected one JSON object, found invalid JSON ("
                + e.getOriginalMessage()
                + ")");
      }
      if (n == null || !n.isObject()) {
        throw new InvalidInputException(where + ": expected one JSON object, found " + l.charAt(0));
      }
      String body = field(n, "text", where, true);
      String title = field(n, "title", where, false);
      String published = field(n, "published", where, true);
      out.add(
          new RawText(
              where,
              title.isBlank() ? body.substring(0, Math.min(120, body.length())) : title,
              body,
              field(n, "source", where, false).isBlank()
                  ? fileName(name)
                  : field(n, "source", where, false),
              field(n, "url", where, false),
              date(where + ", field published", published)));
    }
    return out;
  }

  private static String field(JsonNode n, String f, String where, boolean required) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) {
      if (required) {
        throw new InvalidInputException(where + ", field " + f + ": expected a value, found none");
      }
      return "";
    }
    if (!v.isTextual()) {
      throw new InvalidInputException(
          where
              + ", field "
              + f
              + ": expected a string, found "
              + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (required && v.asText().isBlank()) {
      throw new InvalidInputException(
          where + ", field " + f + ": expected text, found an empty string");
    }
    return v.asText();
  }

  /** A date from ISO (2025-03-01, 2025-03-01T10:00:00Z) or RFC 1123 (RSS) text. */
  static LocalDate date(String where, String s) {
    String t = s.strip();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t);
      }
      if (Character.isDigit(t.charAt(0))) {
        return OffsetDateTime.parse(t).toLocalDate();
      }
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new InvalidInputException(
          where
              + ": expected a date such as 2025-03-01, 2025-03-01T10:00:00Z or"
              + " 'Sat, 01 Mar 2025 10:00:00 GMT', found '"
              + (t.length() > 40 ? t.substring(0, 40) : t)
              + "'");
    }
  }

  private static List<RawText> feed(String name, byte[] bytes) {
    org.w3c.dom.Document x;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(true);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      x = b.parse(new ByteArrayInputStream(bytes));
    } catch (SAXException e) {
      String where =
          e instanceof org.xml.sax.SAXParseException p ? " line " + p.getLineNumber() : "";
      throw new InvalidInputException(
          name
              + where
              + ": expected an RSS or Atom feed, found invalid XML ("
              + e.getMessage()
              + ")");
    } catch (IOException | ParserConfigurationException e) {
      throw new InvalidInputException(name + ": cannot read the feed: " + e.getMessage());
    }
    Element root = x.getDocumentElement();
    String rootName = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    List<RawText> out = new ArrayList<>();
    boolean atom = rootName.equals("feed");
    if (!atom && !rootName.equals("rss") && !rootName.equals("RDF")) {
      throw new InvalidInputException(
          name + ": expected an RSS (<rss>) or Atom (<feed>) document, found <" + rootName + ">");
    }
    String channel = atom ? child(root, "title") : "";
    if (!atom) {
      NodeList ch = root.getElementsByTagNameNS("*", "channel");
      if (ch.getLength() > 0) {
        channel = child((Element) ch.item(0), "title");
      }
    }
    NodeList items = root.getElementsByTagNameNS("*", atom ? "entry" : "item");
    for (int i = 0; i < items.getLength(); i++) {
      Element e = (Element) items.item(i);
      String where = name + " item " + (i + 1);
      String title = child(e, "title");
      String body =
          atom
              ? firstNonBlank(child(e, "content"), child(e, "summary"))
              : firstNonBlank(child(e, "encoded"), child(e, "description"));
      body = Jsoup.parse(body).text();
      if (body.isBlank()) {
        body = title;
      }
      if (body.isBlank()) {
        throw new InvalidInputException(where + ", field description: expected text, found none");
      }
      String link = child(e, "link");
      if (atom && link.isBlank()) {
        NodeList ls = e.getElementsByTagNameNS("*", "link");
        if (ls.getLength() > 0) {
          link = ((Element) ls.item(0)).getAttribute("href");
        }
      }
      String d =
          atom
              ? firstNonBlank(child(e, "published"), child(e, "updated"))
              : firstNonBlank(child(e, "pubDate"), child(e, "date"));
      if (d.isBlank()) {
        throw new InvalidInputException(
            where
                + ", field "
                + (atom ? "published" : "pubDate")
                + ": expected a date, found none");
      }
      out.add(
          new RawText(
              where,
              title.isBlank() ? body.substring(0, Math.min(120, body.length())) : title.strip(),
              body,
              channel.isBlank() ? fileName(name) : channel.strip(),
              link.strip(),
              date(where + ", field " + (atom ? "published" : "pubDate"), d)));
    }
    return out;
  }

  private static String firstNonBlank(String a, String b) {
    return a.isBlank() ? b : a;
  }

  private static String child(Element e, String local) {
    for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        String ln = c.getLocalName() == null ? c.getNodeName() : c.getLocalName();
        if (ln.equals(local)) {
          return c.getTextContent() == null ? "" : c.getTextContent().strip();
        }
      }
    }
    return "";
  }
}
