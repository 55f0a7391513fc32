package org.vigil.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.model.AccessContext;
import org.vigil.model.AccessDeniedException;
import org.vigil.model.InvalidInputException;
import org.vigil.model.Role;
import org.vigil.model.User;
import org.vigil.store.TestClock;

class AuthServiceTest {
  static final String PASSWORD = "amber kettle drifts north";
  TestClock clock;
  InMemoryAuthStore store;
  AuthService auth;

  @BeforeEach
  void setUp() {
    clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    store = new InMemoryAuthStore(clock);
    auth =
        new AuthService(
            store,
            store,
            store,
            clock,
            new SecureRandom(new byte[] {1}),
            new PasswordHasher(1024, 1));
    auth.addUser(AccessContext.system(), "alice", "KAZ-SC", Role.ANALYST, PASSWORD);
  }

  @Test
  void addUser_storesArgon2idHash_notThePassword() {
    String hash = store.users.get("alice").passwordHash();
    assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain(PASSWORD);
  }

  @Test
  void login_rightPassword_givesSessionThatAuthenticates() {
    Session s = auth.login("alice", PASSWORD, "10.0.0.1");
    AccessContext ctx = auth.authenticate(s.token(), "10.0.0.1");
    assertThat(ctx.user()).isEqualTo("alice");
    assertThat(ctx.organisation()).isEqualTo("KAZ-SC");
    assertThat(ctx.origin()).isEqualTo("10.0.0.1");
    assertThat(store.tokens.get(0).tokenHash()).isEqualTo(AuthService.hashOf(s.token()));
    assertThat(store.tokens.get(0).tokenHash()).isNotEqualTo(s.token());
  }

  @Test
  void login_wrongPasswordOrUnknownUser_sameMessage() {
    assertThatThrownBy(() -> auth.login("alice", "wrong password!!", "a"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Login failed: unknown user or wrong password (or the account is disabled)");
    assertThatThrownBy(() -> auth.login("nobody", "wrong password!!", "a"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessage("Login failed: unknown user or wrong password (or the account is disabled)");
  }

  @Test
  void login_failuresAtOneAddress_backOffExponentially() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> auth.login("alice", "guess number x", "evil"))
          .isInstanceOf(AuthenticationException.class);
    }
    long previous = 0;
    for (int i = 0; i < 5; i++) {
      TooManyAttemptsException wait =
          catchThrowableOfType(
              TooManyAttemptsException.class, () -> auth.login("alice", PASSWORD, "evil"));
      assertThat(wait.retryAfterSeconds()).isEqualTo(previous == 0 ? 1 : previous * 2);
      previous = wait.retryAfterSeconds();
      clock.advance(Duration.ofSeconds(previous));
      assertThatThrownBy(() -> auth.login("alice", "guess number y", "evil"))
          .isInstanceOf(AuthenticationException.class);
    }
    assertThat(previous).isEqualTo(16);
  }

  @Test
  void login_manyBadPasswords_doNotLockTheOwnerOut_atTheirUsualAddress() {
    auth.login("alice", PASSWORD, "owner");
    for (int i = 0; i < 40; i++) {
      String address = "bot" + (i % 20);
      try {
        auth.login("alice", "guess number " + i, address);
      } catch (AuthenticationException | TooManyAttemptsException expected) {
        // counted or held back; either way the guess got nowhere
      }
    }
    assertThatThrownBy(() -> auth.login("alice", PASSWORD, "stranger"))
        .isInstanceOf(TooManyAttemptsException.class);
    assertThat(auth.login("alice", PASSWORD, "owner").username()).isEqualTo("alice");
    clock.advance(Duration.ofSeconds(1));
    assertThat(auth.login("alice", PASSWORD, "stranger").username()).isEqualTo("alice");
  }

  @Test
  void login_waitNeverExceedsFifteenMinutes_andThenTheRightPasswordWorks() {
    for (int i = 0; i < 40; i++) {
      try {
        auth.login("alice", "guess number " + i, "evil");
      } catch (TooManyAttemptsException e) {
        assertThat(e.retryAfterSeconds()).isLessThanOrEqualTo(15 * 60);
        clock.advance(Duration.ofSeconds(e.retryAfterSeconds()));
      } catch (AuthenticationException expected) {
        // a counted failure
      }
    }
    clock.advance(Duration.ofMinutes(15));
    assertThat(auth.login("alice", PASSWORD, "evil").username()).isEqualTo("alice");
  }

  @Test
  void login_manyAccountsFromOneAddress_slowsThatAddressOnly() {
    for (int i = 0; i < 10; i++) {
      String user = "user" + i;
      assertThatThrownBy(() -> auth.login(user, "guess number x", "1.2.3.4"))
          .isInstanceOf(AuthenticationException.class);
    }
    assertThatThrownBy(() -> auth.login("alice", PASSWORD, "1.2.3.4"))
        .isInstanceOf(TooManyAttemptsException.class);
    assertThat(auth.login("alice", PASSWORD, "5.6.7.8").username()).isEqualTo("alice");
  }

  @Test
  void authenticate_expiredToken_isRejected() {
    AccessContext alice = auth.authenticate(auth.login("alice", PASSWORD, "a").token(), "a");
    IssuedToken t = auth.createToken(alice, "ci", Duration.ofDays(1));
    assertThat(auth.authenticate(t.secret(), "b").user()).isEqualTo("alice");
    clock.advance(Duration.ofDays(1));
    assertThatThrownBy(() -> auth.authenticate(t.secret(), "b"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void authenticate_revokedToken_isRejected() {
    AccessContext alice = auth.authenticate(auth.login("alice", PASSWORD, "a").token(), "a");
    IssuedToken t = auth.createToken(alice, "ci", Duration.ofDays(30));
    auth.revokeToken(alice, t.id());
    assertThatThrownBy(() -> auth.authenticate(t.secret(), "b"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void authenticate_disabledUser_isRejected() {
    Session s = auth.login("alice", PASSWORD, "a");
    auth.setActive(AccessContext.system(), "alice", false);
    assertThatThrownBy(() -> auth.authenticate(s.token(), "a"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void addUser_weakPassword_isRejectedWithRule() {
    assertThatThrownBy(
            () -> auth.addUser(AccessContext.system(), "bob", "KAZ-SC", Role.VIEWER, "short"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("12 to 256 characters, found 5");
    assertThatThrownBy(
            () ->
                auth.addUser(
                    AccessContext.system(), "bobby", "KAZ-SC", Role.VIEWER, "bobby-has-a-password"))
        .hasMessageContaining("user name");
    assertThatThrownBy(
            () ->
                auth.addUser(
                    AccessContext.system(), "bob", "KAZ-SC", Role.VIEWER, "abcdefghijklmn"))
        .hasMessageContaining("common, breached or sequential");
  }

  @Test
  void addUser_orgAdmin_cannotCreateInOtherOrgOrGrantSystemAdmin() {
    AccessContext admin = AccessContext.of("root", "KAZ-SC", Role.ORG_ADMIN);
    assertThatThrownBy(() -> auth.addUser(admin, "bob", "RUS-SC", Role.VIEWER, PASSWORD))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> auth.addUser(admin, "bob", "KAZ-SC", Role.SYSTEM_ADMIN, PASSWORD))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(auth.addUser(admin, "bob", "KAZ-SC", Role.DATA_STEWARD, PASSWORD).role())
        .isEqualTo(Role.DATA_STEWARD);
  }

  @Test
  void addUser_analyst_isDenied() {
    AccessContext analyst = AccessContext.of("alice", "KAZ-SC", Role.ANALYST);
    assertThatThrownBy(() -> auth.addUser(analyst, "bob", "KAZ-SC", Role.VIEWER, PASSWORD))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void csrfToken_dependsOnSession_andIsNotTheSessionToken() {
    Session a = auth.login("alice", PASSWORD, "a");
    Session b = auth.login("alice", PASSWORD, "a");
    assertThat(a.csrfToken()).isNotEqualTo(b.csrfToken()).isNotEqualTo(a.token());
    assertThat(auth.csrfTokenFor(a.token())).isEqualTo(a.csrfToken());
  }

  @Test
  void passwordHasher_defaultCost_isOwaspArgon2id_andVerifies() {
    PasswordHasher owasp = new PasswordHasher();
    String hash = owasp.hash(PASSWORD);
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(new PasswordHasher(1024, 1).verify(PASSWORD, hash)).isTrue();
    assertThat(owasp.verify("wrong " + PASSWORD, hash)).isFalse();
  }

  @Test
  void checkPassword_rightPassword_givesContextWithoutSession() {
    AccessContext ctx = auth.checkPassword("alice", PASSWORD, "cli");
    assertThat(ctx.user()).isEqualTo("alice");
    assertThat(store.tokens).isEmpty();
  }

  @Test
  void passwordPolicy_refusesTheDemoPassword_andCommonWordsWithDigitsAdded() {
    PasswordPolicy policy = new PasswordPolicy();
    for (String weak :
        List.of("vigil-demo-password", "Password2024!", "qwertyuiop123", "Administrator99")) {
      assertThatThrownBy(() -> policy.check("bob", weak))
          .as(weak)
          .hasMessageContaining("common, breached");
    }
    policy.check("bob", PASSWORD);
  }

  @Test
  void changeOwnPassword_needsTheCurrentOne_andEndsEveryOtherSession() {
    Session kept = auth.login("alice", PASSWORD, "a");
    Session other = auth.login("alice", PASSWORD, "b");
    AccessContext alice = auth.authenticate(kept.token(), "a");
    assertThatThrownBy(
            () ->
                auth.update(
                    alice, "alice", UserUpdate.password("a brand new phrase here"), kept.token()))
        .hasMessageContaining("current");
    auth.update(
        alice,
        "alice",
        new UserUpdate(
            Optional.empty(),
            Optional.empty(),
            Optional.of("a brand new phrase here"),
            Optional.of(PASSWORD)),
        kept.token());
    assertThat(auth.authenticate(kept.token(), "a").user()).isEqualTo("alice");
    assertThatThrownBy(() -> auth.authenticate(other.token(), "b"))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> auth.login("alice", PASSWORD, "a"))
        .isInstanceOf(AuthenticationException.class);
    assertThat(auth.login("alice", "a brand new phrase here", "a").username()).isEqualTo("alice");
  }

  @Test
  void adminReset_andDisable_endEverySessionAndToken() {
    Session s = auth.login("alice", PASSWORD, "a");
    IssuedToken t = auth.createToken(auth.authenticate(s.token(), "a"), "ci", Duration.ofDays(1));
    auth.setPassword(AccessContext.system(), "alice", "reset by the admin today");
    assertThatThrownBy(() -> auth.authenticate(s.token(), "a"))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> auth.authenticate(t.secret(), "a"))
        .isInstanceOf(AuthenticationException.class);
    Session again = auth.login("alice", "reset by the admin today", "a");
    auth.setActive(AccessContext.system(), "alice", false);
    auth.setActive(AccessContext.system(), "alice", true);
    assertThatThrownBy(() -> auth.authenticate(again.token(), "a"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void update_refusedPassword_changesNeitherRoleNorAnythingElse() {
    User before = store.users.get("alice");
    assertThatThrownBy(
            () ->
                auth.update(
                    AccessContext.system(),
                    "alice",
                    new UserUpdate(
                        Optional.of(Role.ORG_ADMIN),
                        Optional.of(false),
                        Optional.of("short"),
                        Optional.empty())))
        .isInstanceOf(InvalidInputException.class);
    assertThat(store.users.get("alice")).isEqualTo(before);
  }

  @Test
  void publishedPassword_mustBeChangedBeforeLogin_exceptInDemoMode() {
    User alice = store.users.get("alice");
    store.users.put(
        "alice",
        new User("alice", alice.organisation(), alice.role(), alice.passwordHash(), true, true));
    assertThatThrownBy(() -> auth.login("alice", PASSWORD, "a"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("must be changed");
    AuthService demo =
        new AuthService(
            store, store, store, clock, new SecureRandom(), new PasswordHasher(1024, 1), true);
    assertThat(demo.login("alice", PASSWORD, "a").username()).isEqualTo("alice");
    auth.changeOwnPassword("alice", PASSWORD, "a brand new phrase here", "a", "");
    assertThat(store.users.get("alice").passwordChangeRequired()).isFalse();
    assertThat(auth.login("alice", "a brand new phrase here", "a").username()).isEqualTo("alice");
  }
}
