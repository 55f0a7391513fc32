package org.vigil.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoints of the audit chain's head, kept outside the database in an append-only file (one line
 * per checkpoint: {@code v1 <seq> <hash> <time> <key id> <mac>}, the MAC over the other fields), or
 * in memory for in-memory databases. {@code audit verify} requires the chain to contain the latest
 * checkpoint's entry with the same hash, so truncating, wiping or re-chaining the log is detected.
 */
final class AuditCheckpoints {
  /** One checkpoint: the chain held entry {@code seq} with hash {@code hash} at {@code at}. */
  record Checkpoint(long seq, String hash, Instant at, String keyId) {}

  /** The latest valid checkpoint, or a problem with the file. */
  record Latest(Checkpoint checkpoint, String problem) {}

  private final Path file;
  private final List<String> memory = new ArrayList<>();

  AuditCheckpoints(Path file) {
    this.file = file;
  }

  boolean inMemory() {
    return file == null;
  }

  String where() {
    return file == null ? "memory" : file.toString();
  }

  boolean exists() {
    return file == null ? !memory.isEmpty() : Files.exists(file);
  }

  static String macText(long seq, String hash, Instant at) {
    return "vigil-audit-checkpoint|" + seq + "|" + hash + "|" + at;
  }

  /** Appends a checkpoint (durably: the file is forced to disk). */
  synchronized void append(Checkpoint cp, AuditKeys keys) {
    String line =
        "v1 "
            + cp.seq()
            + " "
            + cp.hash()
            + " "
            + cp.at()
            + " "
            + cp.keyId()
            + " "
            + keys.mac(cp.keyId(), macText(cp.seq(), cp.hash(), cp.at()))
            + "\n";
    if (file == null) {
      memory.add(line);
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (FileChannel ch =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the audit checkpoint file " + file, e);
    }
  }

  /** The latest checkpoint; every line's MAC is checked, and a bad line is a problem. */
  synchronized Latest latest(AuditKeys keys) {
    List<String> lines;
    if (file == null) {
      lines = new ArrayList<>(memory);
    } else if (!Files.exists(file)) {
      return new Latest(null, "");
    } else {
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return new Latest(null, "the checkpoint file " + file + " cannot be read: " + e);
      }
    }
    Checkpoint last = null;
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(" ");
      Checkpoint cp;
      try {
        if (f.length != 6 || !f[0].equals("v1")) {
          throw new IllegalArgumentException("expected 6 fields starting with v1");
        }
        cp = new Checkpoint(Long.parseLong(f[1]), f[2], Instant.parse(f[3]), f[4]);
      } catch (RuntimeException e) {
        return new Latest(
            last, "checkpoint " + where() + " line " + n + " is malformed: the file was edited");
      }
      if (!keys.knows(cp.keyId())) {
        return new Latest(
            last,
            "checkpoint "
                + where()
                + " line "
                + n
                + " names key '"
                + cp.keyId()
                + "', which is not among the audit keys ("
                + keys.where()
                + "): an old key was removed from the key file, or the file was edited");
      }
      if (!keys.mac(cp.keyId(), macText(cp.seq(), cp.hash(), cp.at())).equals(f[5])) {
        return new Latest(
            last,
            "checkpoint "
                + where()
                + " line "
                + n
                + " does not carry a valid MAC (key "
                + cp.keyId()
                + "): the file was edited or written with another key");
      }
      if (last != null && cp.seq() < last.seq()) {
        return new Latest(
            last,
            "checkpoint "
                + where()
                + " line "
                + n
                + " goes back from entry "
                + last.seq()
                + " to "
                + cp.seq());
      }
      last = cp;
    }
    return new Latest(last, "");
  }
}
