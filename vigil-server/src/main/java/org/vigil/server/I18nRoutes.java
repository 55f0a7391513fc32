package org.vigil.server;

import io.javalin.http.Context;
import org.vigil.model.i18n.Translations;

/**
 * {@code GET /api/i18n/{lang}}: every label of the web UI in one language, from the same files the
 * reports and the CLI read ({@link Translations}). Public, so the login form is translated too.
 */
final class I18nRoutes implements RouteGroup {

  @Override
  public void register(Routes routes) {
    routes.get("/api/i18n/{lang}", this::dictionary);
  }

  private void dictionary(Context ctx) {
    String lang = ctx.pathParam("lang");
    if (!Translations.LANGUAGES.contains(lang)) {
      throw new BadRequestException(
          "Path parameter 'lang' must be one of "
              + Translations.LANGUAGES
              + ", found '"
              + Params.clip(lang)
              + "'");
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.json(Translations.of(lang));
  }
}
