package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
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
        rs.getBoolean("active"));
  }

  @Override
  public void save(AccessContext ctx, User user) {
    Optional<User> before = findForLogin(user.username());
    boolean allowed =
        manages(ctx, user.organisation(), user.role())
            && before.map(b -> manages(ctx, b.organisation(), b.role())).orElse(true);
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
          String sql =
              before.isPresent()
                  ? "UPDATE app_user SET organisation = ?, user_role = ?, password_hash = ?,"
                      + " active = ? WHERE username = ?"
                  : "INSERT INTO app_user (organisation, user_role, password_hash, active,"
                      + " username) VALUES (?,?,?,?,?)";
          try (PreparedStatement ps =
              Database.prepare(
                  c,
                  sql,
                  List.of(
                      user.organisation(),
                      user.role().name(),
                      user.passwordHash(),
                      user.active(),
                      user.username()))) {
            ps.executeUpdate();
          }
          audit.append(
              c,
              ctx,
              before.isPresent() ? "user.update" : "user.create",
              user.username(),
              user.organisation() + ", " + user.role() + ", active=" + user.active());
          return null;
        });
  }
}
