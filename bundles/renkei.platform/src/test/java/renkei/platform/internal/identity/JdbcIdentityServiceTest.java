// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import renkei.platform.AccessDeniedException;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditResult;
import renkei.platform.AuthenticationException;
import renkei.platform.AuthenticationException.Reason;
import renkei.platform.CallChannel;
import renkei.platform.NewOperator;
import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.TotpEnrolment;
import renkei.platform.internal.JdbcAuditLog;
import renkei.platform.internal.JdbcDatabase;
import renkei.platform.testsupport.MutableClock;
import renkei.platform.testsupport.TestDatabases;

class JdbcIdentityServiceTest {

    private static final char[] PASSWORD = "office-password-1".toCharArray();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private JdbcDatabase database;
    private JdbcAuditLog audit;
    private JdbcIdentityService identity;
    private Session office;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabases.h2Migrated();
        audit = new JdbcAuditLog(database, clock, Map.of());
        identity = new JdbcIdentityService(database, audit, new SecretKeySpec(new byte[32], "AES"), new PasswordHasher(1024, 1, 1), clock);
        identity.bootstrap(new NewOperator("office", "Operations Office", Optional.empty(), Optional.empty(),
                Set.of(Role.OPERATIONS_OFFICE), PASSWORD));
        office = identity.authenticate("office", PASSWORD, null);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void bootstrapOnlyOnce() {
        assertThrows(IllegalStateException.class, () -> identity.bootstrap(new NewOperator("second", "Second",
                Optional.empty(), Optional.empty(), Set.of(Role.OPERATIONS_OFFICE), PASSWORD)));
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSameAndAreAudited() {
        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> identity.authenticate("office", "not-the-password".toCharArray(), null));
        AuthenticationException unknown = assertThrows(AuthenticationException.class,
                () -> identity.authenticate("nobody", PASSWORD, null));
        assertEquals(Reason.BAD_CREDENTIALS, wrong.reason());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        long failures = audit.query(AuditQuery.latest(50).actionStartingWith("login")).stream()
                .filter(r -> r.result() == AuditResult.FAILURE).count();
        assertEquals(2, failures);
    }

    @Test
    void locksAfterRepeatedFailuresThenUnlocksLater() throws Exception {
        for (int i = 0; i < JdbcIdentityService.MAX_FAILED_LOGINS; i++) {
            assertThrows(AuthenticationException.class, () -> identity.authenticate("office", "wrong-password!".toCharArray(), null));
        }
        AuthenticationException locked = assertThrows(AuthenticationException.class, () -> identity.authenticate("office", PASSWORD, null));
        assertEquals(Reason.LOCKED, locked.reason(), "even the right password is refused while locked");
        clock.advanceSeconds(JdbcIdentityService.LOCKOUT.toSeconds() + 1);
        assertEquals("office", identity.authenticate("office", PASSWORD, null).username());
    }

    @Test
    void caRolesRequireTotp() throws Exception {
        identity.createOperator(office, new NewOperator("ca-alice", "Alice", Optional.empty(), Optional.empty(),
                Set.of(Role.CA_OPERATOR), "alice-password-1".toCharArray()));
        AuthenticationException notEnrolled = assertThrows(AuthenticationException.class,
                () -> identity.authenticate("ca-alice", "alice-password-1".toCharArray(), null));
        assertEquals(Reason.SECOND_FACTOR_NOT_ENROLLED, notEnrolled.reason());

        TotpEnrolment enrolment = identity.enrolTotp(office, "ca-alice");
        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/Renkei%3Aca-alice?secret="), enrolment.otpauthUri());
        AuthenticationException ask = assertThrows(AuthenticationException.class,
                () -> identity.authenticate("ca-alice", "alice-password-1".toCharArray(), null));
        assertEquals(Reason.SECOND_FACTOR_REQUIRED, ask.reason());

        byte[] secret = Base32.decode(pad(enrolment.base32Secret()));
        String code = new Totp().code(secret, Totp.stepAt(clock.instant()));
        Session session = identity.authenticate("ca-alice", "alice-password-1".toCharArray(), code);
        assertTrue(session.secondFactor());
        AuthenticationException replay = assertThrows(AuthenticationException.class,
                () -> identity.authenticate("ca-alice", "alice-password-1".toCharArray(), code));
        assertEquals(Reason.BAD_SECOND_FACTOR, replay.reason(), "a code must not work twice");
    }

    @Test
    void permissionChecksLiveInTheServiceAndAreAudited() {
        identity.createOperator(office, new NewOperator("helper", "Help Desk", Optional.empty(), Optional.empty(),
                Set.of(Role.HELP_DESK), "helpdesk-password".toCharArray()));
        Session helpDesk = new Session(identity.find("helper").orElseThrow(), clock.instant(), false);
        assertThrows(AccessDeniedException.class, () -> identity.createOperator(helpDesk, new NewOperator("intruder",
                "X", Optional.empty(), Optional.empty(), Set.of(Role.OPERATIONS_OFFICE), "intruder-password".toCharArray())));
        assertTrue(identity.find("intruder").isEmpty());
        AuditRecord denied = audit.query(AuditQuery.latest(1)).get(0);
        assertEquals(AuditResult.DENIED, denied.result());
        assertEquals("helper", denied.actor());
        assertEquals("HELP_DESK", denied.actorRole());
    }

    @Test
    void siteAdministratorManagesOnlyOwnSiteWithSiteRoles() {
        identity.createOperator(office, new NewOperator("kyoto-admin", "Kyoto admin", Optional.empty(), Optional.of("kyoto"),
                Set.of(Role.SITE_ADMINISTRATOR), "kyoto-password-1".toCharArray()));
        Session siteAdmin = new Session(identity.find("kyoto-admin").orElseThrow(), clock.instant(), false);
        identity.createOperator(siteAdmin, new NewOperator("kyoto-desk", "Kyoto desk", Optional.empty(), Optional.of("kyoto"),
                Set.of(Role.HELP_DESK), "kyoto-desk-pass1".toCharArray()));
        assertThrows(AccessDeniedException.class, () -> identity.createOperator(siteAdmin, new NewOperator("osaka-desk",
                "Osaka", Optional.empty(), Optional.of("osaka"), Set.of(Role.HELP_DESK), "osaka-desk-pass1".toCharArray())));
        assertThrows(AccessDeniedException.class, () -> identity.createOperator(siteAdmin, new NewOperator("kyoto-ca",
                "Kyoto CA", Optional.empty(), Optional.of("kyoto"), Set.of(Role.CA_OPERATOR), "kyoto-ca-pass12".toCharArray())));
    }

    @Test
    void weakPasswordsAndBadNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> identity.createOperator(office, new NewOperator("shorty", "S",
                Optional.empty(), Optional.empty(), Set.of(Role.HELP_DESK), "short".toCharArray())));
        assertThrows(IllegalArgumentException.class, () -> identity.createOperator(office, new NewOperator("Bad Name", "S",
                Optional.empty(), Optional.empty(), Set.of(Role.HELP_DESK), "long-enough-password".toCharArray())));
        assertThrows(IllegalArgumentException.class, () -> identity.createOperator(office, new NewOperator("office", "Dup",
                Optional.empty(), Optional.empty(), Set.of(Role.HELP_DESK), "long-enough-password".toCharArray())));
    }

    @Test
    void disabledAccountsCannotLogIn() {
        identity.setEnabled(office, "office", false);
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> identity.authenticate("office", PASSWORD, null));
        assertEquals(Reason.DISABLED, e.reason());
        assertFalse(identity.find("office").orElseThrow().enabled());
    }

    @Test
    void aSessionIsResumedByItsTokenWithTheAccountReloaded() throws Exception {
        assertTrue(office.token().isPresent());
        Session resumed = identity.resume(office.token().get());
        assertEquals("office", resumed.username());
        assertEquals(office.authenticatedAt(), resumed.authenticatedAt());
        assertFalse(resumed.toString().contains(office.token().get()), "tokens stay out of logs");
        identity.createOperator(office, new NewOperator("helper", "Help Desk", Optional.empty(), Optional.empty(),
                Set.of(Role.HELP_DESK), "helper-password-1".toCharArray()));
        Session helper = identity.authenticate("helper", "helper-password-1".toCharArray(), null);
        identity.setEnabled(office, "helper", false);
        AuthenticationException disabled = assertThrows(AuthenticationException.class,
                () -> identity.resume(helper.token().get()));
        assertTrue(disabled.reason() == Reason.DISABLED || disabled.reason() == Reason.SESSION_INVALID, disabled.reason().name());
    }

    @Test
    void aTokenIsRefusedOverAnotherChannelAndAudited() throws Exception {
        Session remote = CallChannel.callOver("tls:aaaa", () -> identity.authenticate("office", PASSWORD, null));
        assertEquals("office", CallChannel.callOver("tls:aaaa", () -> identity.resume(remote.token().get())).username());
        AuthenticationException stolen = assertThrows(AuthenticationException.class,
                () -> CallChannel.callOver("tls:bbbb", () -> identity.resume(remote.token().get())));
        assertEquals(Reason.SESSION_INVALID, stolen.reason());
        assertThrows(AuthenticationException.class, () -> identity.resume(remote.token().get()), "nor locally");
        assertTrue(audit.query(AuditQuery.latest(20).actionStartingWith("session.resume")).stream()
                .anyMatch(r -> r.result() == AuditResult.DENIED && r.detail().contains("tls:bbbb")));
    }

    @Test
    void sessionsEndWhenIdleAtTheirAbsoluteLifetimeAndAtLogout() throws Exception {
        String token = office.token().get();
        clock.advance(Duration.ofMinutes(29));
        identity.resume(token);
        clock.advance(Duration.ofMinutes(29));
        identity.resume(token);
        clock.advance(Duration.ofMinutes(31));
        assertEquals(Reason.SESSION_EXPIRED, assertThrows(AuthenticationException.class, () -> identity.resume(token)).reason());

        Session busy = identity.authenticate("office", PASSWORD, null);
        for (int i = 0; i < 26; i++) {
            clock.advance(Duration.ofMinutes(28));
            if (i < 25) {
                identity.resume(busy.token().get());
            }
        }
        assertEquals(Reason.SESSION_EXPIRED,
                assertThrows(AuthenticationException.class, () -> identity.resume(busy.token().get())).reason(), "12 h at most");

        Session ended = identity.authenticate("office", PASSWORD, null);
        identity.logout(ended);
        assertEquals(Reason.SESSION_INVALID,
                assertThrows(AuthenticationException.class, () -> identity.resume(ended.token().get())).reason());
        assertThrows(AuthenticationException.class, () -> identity.resume("forged-token"));
    }

    private static String pad(String base32) {
        return base32 + "=".repeat((8 - base32.length() % 8) % 8);
    }
}
