package org.vigil.model;

/**
 * A person who logs in. Vigil keeps only what access control needs: no personal profile.
 *
 * @param username login name
 * @param organisation organisation id
 * @param role role within the organisation
 * @param passwordHash Argon2id hash in PHC string form
 * @param active false when disabled
 */
public record User(
    String username, String organisation, Role role, String passwordHash, boolean active) {
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

  @Override
  public String toString() {
    return "User[" + username + ", " + organisation + ", " + role + ", active=" + active + "]";
  }
}
