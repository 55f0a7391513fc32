package org.vigil.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * JSON response bodies and their entity tags.
 *
 * <p>Every GET answer gets its ETag from {@link #etag(Context)} (an after-handler): two CRCs over
 * the body in bulk, about a hundred times cheaper than Javalin's own tag, which read the body one
 * byte at a time through an Adler32 stream (a third of the CPU of a published risk read, JFR).
 *
 * <p>Bodies that are the same for many readers (a published run's risk scores as one reader scope
 * sees them) are kept serialised in a {@link Cache}, with their tag and their gzip form made once:
 * a request is then a look-up and a write, a revalidation with a matching {@code If-None-Match} is
 * a 304 without a body. The key of a kept body must name everything the body is made of.
 */
final class KeptJson {
  private KeptJson() {}

  /**
   * A serialised JSON body.
   *
   * @param json the body
   * @param gzip the body gzip-compressed
   * @param etag its entity tag, quoted
   */
  record Body(byte[] json, byte[] gzip, String etag) {
    static Body of(byte[] json) {
      return new Body(json, compress(json), tag(json));
    }

    int size() {
      return json.length + gzip.length;
    }
  }

  /** A strong entity tag of the bytes: CRC-32C, CRC-32 and length. */
  static String tag(byte[] bytes) {
    CRC32C a = new CRC32C();
    a.update(bytes);
    CRC32 b = new CRC32();
    b.update(bytes);
    return String.format(
        Locale.ROOT, "\"%08x%08x-%x\"", a.getValue(), b.getValue(), (long) bytes.length);
  }

  private static byte[] compress(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * After-handler: tags a successful GET answer held in memory (what {@code ctx.json} and {@code
   * ctx.result} leave) unless the route tagged it; Javalin then answers a matching {@code
   * If-None-Match} with 304.
   */
  static void etag(Context ctx) {
    if (ctx.method() != HandlerType.GET
        || ctx.statusCode() != 200
        || ctx.res().getHeader("ETag") != null
        || !(ctx.resultInputStream() instanceof ByteArrayInputStream in)) {
      return;
    }
    byte[] bytes = in.readAllBytes();
    in.reset();
    ctx.header("ETag", tag(bytes));
  }

  /**
   * Sends a kept body: 304 when the client holds it, the gzip form when the client accepts gzip,
   * the JSON otherwise. Written to the servlet response directly, so nothing compresses or tags it
   * again.
   */
  static void send(Context ctx, Body body) {
    HttpServletResponse res = ctx.res();
    res.setHeader("ETag", body.etag());
    res.setHeader("Vary", "Accept-Encoding");
    if (matches(ctx.header("If-None-Match"), body.etag())) {
      ctx.status(304);
      return;
    }
    String accept = ctx.header("Accept-Encoding");
    boolean gzip = accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    byte[] bytes = gzip ? body.gzip() : body.json();
    res.setStatus(200);
    res.setContentType("application/json");
    if (gzip) {
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setContentLength(bytes.length);
    try {
      res.getOutputStream().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String t : ifNoneMatch.split(",")) {
      String s = t.trim();
      if (s.startsWith("W/")) {
        s = s.substring(2);
      }
      if (s.equals(etag) || s.equals("*")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Kept bodies by key, least recently used dropped while they hold more than the capacity in
   * bytes. Thread-safe; two requests that miss at once may both serialise (the same bytes).
   */
  static final class Cache<K> {
    private final Map<K, Body> bodies = new LinkedHashMap<>(16, 0.75f, true);
    private final long capacity;
    private long held;

    Cache(long capacityBytes) {
      this.capacity = capacityBytes;
    }

    Body get(K key, Supplier<byte[]> json) {
      synchronized (this) {
        Body hit = bodies.get(key);
        if (hit != null) {
          return hit;
        }
      }
      Body made = Body.of(json.get());
      synchronized (this) {
        Body other = bodies.get(key);
        if (other != null) {
          return other;
        }
        if (made.size() <= capacity) {
          bodies.put(key, made);
          held += made.size();
          var eldest = bodies.entrySet().iterator();
          while (held > capacity && eldest.hasNext()) {
            held -= eldest.next().getValue().size();
            eldest.remove();
          }
        }
      }
      return made;
    }

    synchronized int size() {
      return bodies.size();
    }
  }
}
