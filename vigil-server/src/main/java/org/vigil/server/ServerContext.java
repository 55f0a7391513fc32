package org.vigil.server;

import java.security.SecureRandom;
import org.vigil.app.Vigil;
import org.vigil.app.auth.AuthService;
import org.vigil.app.auth.PasswordHasher;

/**
 * What route groups of this module share: the Vigil instance, the configuration, authentication.
 */
final class ServerContext {
  private final Vigil vigil;
  private final ServerConfig config;
  private final Authentication authentication;

  ServerContext(Vigil vigil, ServerConfig config) {
    this.vigil = vigil;
    this.config = config;
    this.authentication =
        new Authentication(
            new AuthService(
                vigil.users(),
                vigil.tokens(),
                vigil.audit(),
                vigil.clock(),
                new SecureRandom(),
                new PasswordHasher(),
                config.demo()),
            config.tls());
  }

  Vigil vigil() {
    return vigil;
  }

  ServerConfig config() {
    return config;
  }

  Authentication authentication() {
    return authentication;
  }
}
