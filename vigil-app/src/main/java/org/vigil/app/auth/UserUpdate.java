package org.vigil.app.auth;

import java.util.Optional;
import org.vigil.model.Role;

/**
 * A change to a user: any of a new role, enabled or disabled, a new password; with the current
 * password when users change their own. Applied all at once or not at all by {@link
 * AuthService#update}.
 *
 * @param role the new role, if it changes
 * @param active true to enable, false to disable, if that changes
 * @param password the new password, if it changes
 * @param currentPassword the user's current password (needed to change one's own)
 */
public record UserUpdate(
    Optional<Role> role,
    Optional<Boolean> active,
    Optional<CharSequence> password,
    Optional<CharSequence> currentPassword) {

  public UserUpdate {
    if (role == null || active == null || password == null || currentPassword == null) {
      throw new IllegalArgumentException("UserUpdate takes empty optionals, not null");
    }
  }

  /** True when nothing would change. */
  public boolean isEmpty() {
    return role.isEmpty() && active.isEmpty() && password.isEmpty();
  }

  static UserUpdate role(Role role) {
    return new UserUpdate(Optional.of(role), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static UserUpdate active(boolean active) {
    return new UserUpdate(
        Optional.empty(), Optional.of(active), Optional.empty(), Optional.empty());
  }

  static UserUpdate password(CharSequence password) {
    return new UserUpdate(
        Optional.empty(), Optional.empty(), Optional.of(password), Optional.empty());
  }
}
