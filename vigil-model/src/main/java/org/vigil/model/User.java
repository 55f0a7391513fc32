package org.vigil.model;

/**
 * A person who logs in. Vigil keeps only what access control needs: no personal profile.
 *
 * @param username login name
 * @param organisation organisation id
 * @param role role within the organisation
 * @param passwordHash Argon2id hash in PHC string form
 * @param active false when disabled
 * @param passwordChangeRequired true when the password is a published one (the demo logins): the
 *     server refuses logins with it, except in demo mode, until the user sets a new one
 */
public record User(
    String username,
    String organisation,
    Role role,
    String passwordHash,
    boolean active,
    boolean passwordChangeRequired) {

  /** A user whose password needs no change. */
  public User(
      String username, String organisation, Role role, String passwordHash, boolean active) {
    this(username, organisation, role, passwordHash, active, false);
  }

  public User {
    if (username == null || !username.matches("[a-z0-9._-]{2,64}")) {
      throw new IllegalArgumentException(
          "User name must be 2-64 lower-case letters, digits, '.', '_' or '-', found '"
              + username
              + "'");
    }
    if (organisation == null || role == null || passwordHash == null) {
      throw new IllegalArgumentException("User " + username + " needs organisation, role, hash");
    }
  }

  /** This user with another role; everything else kept. */
  public User withRole(Role newRole) {
    return new User(username, organisation, newRole, passwordHash, active, passwordChangeRequired);
  }

  /** This user enabled or disabled; everything else kept. */
  public User withActive(boolean enabled) {
    return new User(username, organisation, role, passwordHash, enabled, passwordChangeRequired);
  }

  /** This user with a new password hash, which needs no change. */
  public User withPasswordHash(String hash) {
    return new User(username, organisation, role, hash, active, false);
  }

  @Override
  public String toString() {
    return "User[" + username + ", " + organisation + ", " + role + ", active=" + active + "]";
  }
}
