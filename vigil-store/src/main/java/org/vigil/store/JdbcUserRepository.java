package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Role;
import org.vigil.model.User;
import org.vigil.model.UserRepository;

/**
 * Users. System admins manage everyone; organisation admins manage their organisation's users
 * (below system admin); everyone else sees only themselves.
 */
final class JdbcUserRepository implements UserRepository {
  private final Database db;
  private final AuditLog audit;

  JdbcUserRepository(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  static boolean manages(AccessContext ctx, String organisation, Role role) {
    if (ctx.isSystem() || ctx.role() == Role.SYSTEM_ADMIN) {
      return true;
    }
    return ctx.role() == Role.ORG_ADMIN
        && ctx.organisation().equals(organisation)
        && role != Role.SYSTEM_ADMIN;
  }

  /** Every user may change their own password, and nothing else about themselves. */
  private static boolean ownPasswordOnly(AccessContext ctx, User before, User after) {
    return ctx.memberOrganisation()
        && ctx.user().equals(before.username())
        && ctx.organisation().equals(before.organisation())
        && before.organisation().equals(after.organisation())
        && before.role() == after.role()
        && before.active() == after.active();
  }

  @Override
  public Optional<User> findForLogin(String username) {
    return query("SELECT * FROM app_user WHERE username = ?", List.of(username)).stream()
        .findFirst();
  }

  @Override
  public List<User> list(AccessContext ctx) {
    if (ctx.isSystem() || ctx.role() == Role.SYSTEM_ADMIN) {
      return query("SELECT * FROM app_user ORDER BY username", List.of());
    }
    if (ctx.role() == Role.ORG_ADMIN) {
      return query(
          "SELECT * FROM app_user WHERE organisation = ? ORDER BY username",
          List.of(ctx.organisation()));
    }
    return query("SELECT * FROM app_user WHERE username = ?", List.of(ctx.user()));
  }

  private List<User> query(String sql, List<?> params) {
    return db.read(
        "reading users",
        c -> {
          List<User> out = new ArrayList<>();
          try (PreparedStatement ps = Database.prepare(c, sql, params);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(user(rs));
            }
          }
          return out;
        });
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getString("username"),
        rs.getString("organisation"),
        Role.valueOf(rs.getString("user_role")),
        rs.getString("password_hash"),
        rs.getBoolean("active"),
        rs.getBoolean("password_change_required"));
  }

  @Override
  public void save(AccessContext ctx, User user) {
    Optional<User> before = findForLogin(user.username());
    boolean allowed =
        (manages(ctx, user.organisation(), user.role())
                && before.map(b -> manages(ctx, b.organisation(), b.role())).orElse(true))
            || before.map(b -> ownPasswordOnly(ctx, b, user)).orElse(false);
    if (!allowed) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.role()
              + " of "
              + ctx.organisation()
              + ") may not create or change user "
              + user.username()
              + " of "
              + user.organisation()
              + " as "
              + user.role()
              + ": expected an admin of that organisation (or a system admin).");
    }
    db.inTransaction(
        "saving user " + user.username(),
        c -> {
          checkIdentity(c, ctx, user, before);
          String sql =
              before.isPresent()
                  ? "UPDATE app_user SET organisation = ?, user_role = ?, password_hash = ?,"
                      + " active = ?, password_change_required = ? WHERE username = ?"
                  : "INSERT INTO app_user (organisation, user_role, password_hash, active,"
                      + " password_change_required, username) VALUES (?,?,?,?,?,?)";
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  sql,
                  List.of(
                      user.organisation(),
                      user.role().name(),
                      user.passwordHash(),
                      user.active(),
                      user.passwordChangeRequired(),
                      user.username()))) {
            ps.executeUpdate();
          }
          boolean newPassword =
              before.map(b -> !b.passwordHash().equals(user.passwordHash())).orElse(false);
          audit.append(
              c,
              ctx,
              before.isPresent() ? "user.update" : "user.create",
              user.username(),
              user.organisation()
                  + ", "
                  + user.role()
                  + ", active="
                  + user.active()
                  + (newPassword ? ", new password" : ""),
              Codes.list(List.of(user.organisation())),
              AuditLog.stateOf(c, AuditLog.USERS));
          return null;
        });
  }

  /**
   * No identity above the rules: nobody is stored in the internal {@code SYSTEM} organisation; a
   * user's organisation must exist and never changes; a member state's users are created and their
   * passwords reset only by that state's own administrators (a system administrator of another
   * organisation may change roles and disable accounts, and may create the first administrator of
   * an organisation that has no users yet, but may not mint other identities in it or take over an
   * account by resetting its password). Internal jobs (demo loading) are exempt.
   */
  private static void checkIdentity(
      java.sql.Connection c, AccessContext ctx, User user, Optional<User> before)
      throws SQLException {
    if (AccessContext.SYSTEM_ORG.equalsIgnoreCase(user.organisation().strip())) {
      throw new AccessDeniedException(
          "Organisation "
              + AccessContext.SYSTEM_ORG
              + " is Vigil's internal context, never a stored user: expected the user's own"
              + " organisation (see `vigil organisations` or GET /api/organisations).");
    }
    Boolean secretariat = null;
    try (PreparedStatement ps =
        Database.prepare(
            c, "SELECT secretariat FROM organisation WHERE id = ?", List.of(user.organisation()))) {
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          secretariat = rs.getBoolean(1);
        }
      }
    }
    if (secretariat == null) {
      throw new InvalidInputException(
          "Organisation '"
              + user.organisation()
              + "' does not exist: expected one of the organisations Vigil knows (GET"
              + " /api/organisations). Add the organisation first.");
    }
    if (before.isPresent() && !before.get().organisation().equals(user.organisation())) {
      throw new AccessDeniedException(
          "User "
              + user.username()
              + " belongs to "
              + before.get().organisation()
              + " and cannot be moved to "
              + user.organisation()
              + ": create a user in "
              + user.organisation()
              + " instead (by its administrator).");
    }
    if (ctx.isSystem() || secretariat || ctx.organisation().equals(user.organisation())) {
      return;
    }
    // A system administrator of another organisation, acting on a member state's user.
    if (before.isEmpty()) {
      long users;
      try (PreparedStatement ps =
              Database.prepare(
                  c,
                  "SELECT COUNT(*) FROM app_user WHERE organisation = ?",
                  List.of(user.organisation()));
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        users = rs.getLong(1);
      }
      if (users > 0 || user.role() != Role.ORG_ADMIN) {
        throw new AccessDeniedException(
            ctx.user()
                + " ("
                + ctx.role()
                + " of "
                + ctx.organisation()
                + ") may not create user "
                + user.username()
                + " in "
                + user.organisation()
                + ": users of a member state's organisation are created by its own administrators"
                + (users > 0 ? "" : " (a system administrator may create only its first ORG_ADMIN)")
                + ".");
      }
    } else if (!before.get().passwordHash().equals(user.passwordHash())) {
      throw new AccessDeniedException(
          ctx.user()
              + " ("
              + ctx.role()
              + " of "
              + ctx.organisation()
              + ") may not reset the password of "
              + user.username()
              + " of "
              + user.organisation()
              + ": only that organisation's administrators (or the user) may; a system"
              + " administrator may disable the account instead.");
    }
  }
}
