// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import renkei.platform.AuthenticationException;
import renkei.platform.AuthenticationException.Reason;
import renkei.platform.Session;
import renkei.platform.cli.NotLoggedInException;
import renkei.platform.cli.Prompter;
import renkei.platform.cli.UsageException;

class CliLoginsTest {

    @TempDir
    Path home;

    private final FakeIdentity identity = new FakeIdentity();

    private static Prompter stdin(String lines) {
        return new Prompter(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), null);
    }

    @Test
    void anAccountWithoutSecondFactorReadsOnlyThePasswordLine() throws Exception {
        Prompter prompter = stdin("office-pw\nleft for the next reader\n");
        Session session = CliLogins.login(identity, prompter, "office");
        assertEquals("office", session.username());
        assertEquals(List.of("null"), identity.codesSeen, "no TOTP line was asked for");
        assertEquals("left for the next reader", prompter.line("next: "));
    }

    @Test
    void aSecondFactorAccountReadsTheTotpLineOnlyWhenAskedFor() throws Exception {
        Session session = CliLogins.login(identity, stdin("ca-op-pw\n123456\n"), "ca-op");
        assertTrue(session.secondFactor());
        assertEquals(List.of("null", "123456"), identity.codesSeen);
        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> CliLogins.login(identity, stdin("ca-op-pw\n000000\n"), "ca-op"));
        assertEquals(Reason.BAD_SECOND_FACTOR, wrong.reason());
        assertThrows(UsageException.class, () -> CliLogins.login(identity, stdin("ca-op-pw\n"), "ca-op"),
                "stdin ending before the code is a usage error, not a hang");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutAskingForACode() {
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> CliLogins.login(identity, stdin("nope\n123456\n"), "ca-op"));
        assertEquals(Reason.BAD_CREDENTIALS, refused.reason());
    }

    @Test
    void theSessionFileIsOwnerOnlyAndRoundTrips() throws Exception {
        CliSessionFile file = new CliSessionFile(home.resolve("cli-session"));
        assertEquals(Optional.empty(), file.read());
        CliSessionFile.Login login = new CliSessionFile.Login("office", "tok-1", Instant.parse("2026-12-03T00:00:00Z"));
        file.write(login);
        assertEquals(Optional.of(login), file.read());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        file.write(new CliSessionFile.Login("ca-op", "tok-2", Instant.parse("2026-12-03T01:00:00Z")));
        assertEquals("ca-op", file.read().orElseThrow().username(), "a new login replaces the old one");
        try (var files = Files.list(home)) {
            assertEquals(List.of(file.path()), files.toList(), "no temporary file is left behind");
        }
        assertTrue(file.delete());
        assertFalse(file.delete());
    }

    @Test
    void aFileWithoutTokenIsNoLogin() throws Exception {
        Files.writeString(home.resolve("cli-session"), "user=office\n");
        assertEquals(Optional.empty(), new CliSessionFile(home.resolve("cli-session")).read());
    }

    @Test
    void resumingWithoutLoginSaysHowToLogIn() {
        NotLoggedInException refused = assertThrows(NotLoggedInException.class,
                () -> CliLogins.resume(identity, new CliSessionFile(home.resolve("cli-session"))));
        assertEquals("not logged in; run 'renkei login --user NAME' first", refused.getMessage());
    }

    @Test
    void resumingAStoredTokenGivesItsSession() throws Exception {
        CliSessionFile file = new CliSessionFile(home.resolve("cli-session"));
        file.write(new CliSessionFile.Login("office", "tok-9", Instant.now()));
        assertEquals(Optional.of("tok-9"), CliLogins.resume(identity, file).token());
    }

    @Test
    void anExpiredSessionSaysSoInOneLineAndIsForgotten() throws Exception {
        CliSessionFile file = new CliSessionFile(home.resolve("cli-session"));
        file.write(new CliSessionFile.Login("office", "tok-old", Instant.now()));
        identity.refusedTokens.put("tok-old", Reason.SESSION_EXPIRED);
        NotLoggedInException refused = assertThrows(NotLoggedInException.class, () -> CliLogins.resume(identity, file));
        assertEquals("the session of office has expired; run 'renkei login --user office' again", refused.getMessage());
        assertFalse(Files.exists(file.path()), "the dead token is removed");

        file.write(new CliSessionFile.Login("office", "tok-gone", Instant.now()));
        identity.refusedTokens.put("tok-gone", Reason.SESSION_INVALID);
        assertEquals("the session of office is no longer valid; run 'renkei login --user office' again",
                assertThrows(NotLoggedInException.class, () -> CliLogins.resume(identity, file)).getMessage());
    }
}
