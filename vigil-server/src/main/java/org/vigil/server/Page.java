package org.vigil.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: {@code {"items": [...], "total": n, "limit": l, "offset": o}}, from the
 * {@code limit} (1-1000, default 100) and {@code offset} query parameters. Totals count only what
 * the caller may read, so they reveal nothing else.
 */
record Page<T>(List<T> items, int total, int limit, int offset) {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  static <S, T> Page<T> of(Context ctx, List<S> all, Function<S, T> wire) {
    int limit = Params.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    int offset = Params.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to).stream().map(wire).toList(), all.size(), limit, offset);
  }
}
