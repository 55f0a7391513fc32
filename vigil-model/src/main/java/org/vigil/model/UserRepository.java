package org.vigil.model;

import java.util.List;
import java.util.Optional;

/** Users. Organisation admins manage their own organisation; system admins manage all. */
public interface UserRepository {
  /** Looks a user up for login; no access context because nobody is logged in yet. */
  Optional<User> findForLogin(String username);

  List<User> list(AccessContext ctx);

  void save(AccessContext ctx, User user);
}
