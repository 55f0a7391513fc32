package org.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's HMAC-SHA256 keys, kept outside the database (see {@link AuditSettings}). The last
 * key is current: new entries and checkpoints are MAC'ed with it and record its id; older keys stay
 * so that entries written with them still verify. Rotation appends a key ({@link #rotate}).
 */
public final class AuditKeys {
  private static final String HEADER =
      "# Vigil audit MAC keys: one '<id> <base64 key>' per line, the last one current."
          + " Keep older lines: entries MAC'ed with them are verified with them.\n";

  private final Map<String, byte[]> keys;
  private final String current;
  private final String where;

  private AuditKeys(Map<String, byte[]> keys, String where) {
    if (keys.isEmpty()) {
      throw new IllegalStateException("No audit key in " + where);
    }
    this.keys = keys;
    String last = null;
    for (String id : keys.keySet()) {
      last = id;
    }
    this.current = last;
    this.where = where;
  }

  /** Loads the keys named by the settings; creates the key file with one key when missing. */
  static AuditKeys load(AuditSettings s) {
    if (!s.envKeys().isEmpty()) {
      Map<String, byte[]> out = new LinkedHashMap<>();
      for (String part : s.envKeys().split(",")) {
        int colon = part.indexOf(':');
        if (colon < 1) {
          throw new IllegalArgumentException(
              "VIGIL_AUDIT_KEY must be 'id:base64key[,id:base64key...]', found an item without"
                  + " an id. Generate one with `vigil audit new-key`.");
        }
        out.put(
            part.substring(0, colon).strip(), decode(part.substring(colon + 1), "VIGIL_AUDIT_KEY"));
      }
      return new AuditKeys(out, "VIGIL_AUDIT_KEY");
    }
    if (s.keyFile() == null) {
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put("mem", randomKey(new SecureRandom()));
      return new AuditKeys(out, "memory");
    }
    Path file = s.keyFile();
    if (!Files.exists(file)) {
      rotate(file, new SecureRandom());
    }
    return new AuditKeys(read(file), file.toString());
  }

  private static Map<String, byte[]> read(Path file) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split("\\s+");
        if (parts.length != 2) {
          throw new IllegalArgumentException(
              "Audit key file "
                  + file
                  + " line "
                  + n
                  + ": expected '<id> <base64 key>', found "
                  + parts.length
                  + " fields");
        }
        out.put(parts[0], decode(parts[1], file + " line " + n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit key file " + file, e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "Audit key file " + file + " holds no key; add one with `vigil audit rotate-key`");
    }
    return out;
  }

  private static byte[] decode(String b64, String where) {
    try {
      byte[] k = Base64.getDecoder().decode(b64.strip());
      if (k.length < 32) {
        throw new IllegalArgumentException(
            "Audit key in " + where + " has " + k.length + " bytes, expected at least 32");
      }
      return k;
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Audit key")) {
        throw e;
      }
      throw new IllegalArgumentException("Audit key in " + where + " is not base64", e);
    }
  }

  private static byte[] randomKey(SecureRandom random) {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return k;
  }

  /**
   * Appends a new random key to a key file (creating it, mode 600, when missing) and returns its
   * id. Running stores pick it up when they next open; entries already written keep their key.
   */
  public static String rotate(Path file, SecureRandom random) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      int next = 1;
      if (Files.exists(file)) {
        next = read(file).size() + 1;
      } else {
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
          next = read(file).size() + 1;
        }
        if (Files.size(file) == 0) {
          Files.writeString(file, HEADER, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
      }
      String id = "k" + next;
      String line = id + " " + Base64.getEncoder().encodeToString(randomKey(random)) + "\n";
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit key file " + file, e);
    }
  }

  /** A new key in the VIGIL_AUDIT_KEY form, {@code id:base64}. */
  public static String newInlineKey(String id, SecureRandom random) {
    return id + ":" + Base64.getEncoder().encodeToString(randomKey(random));
  }

  String currentId() {
    return current;
  }

  boolean knows(String id) {
    return keys.containsKey(id);
  }

  String where() {
    return where;
  }

  List<String> ids() {
    return new ArrayList<>(keys.keySet());
  }

  /** Hex HMAC-SHA256 of text with key {@code id}. */
  String mac(String id, String text) {
    byte[] k = keys.get(id);
    if (k == null) {
      throw new IllegalArgumentException("Unknown audit key id '" + id + "' (in " + where + ")");
    }
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(k, "HmacSHA256"));
      return java.util.HexFormat.of().formatHex(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
