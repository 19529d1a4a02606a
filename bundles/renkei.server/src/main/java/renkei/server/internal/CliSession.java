// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.Operator;
import renkei.platform.Role;
import renkei.platform.Session;

/**
 * Who a CLI command acts as. Scripts on the server (the user portal, cron) hold the home's keystore
 * and database and so are trusted like a CA operator; their records name the local account
 * ({@code cli:<user>}). Dual-control steps (ceremony, activation) instead authenticate real
 * operators with password and TOTP read from standard input.
 */
final class CliSession {

    private CliSession() {
    }

    static Session local() {
        String user = System.getProperty("user.name", "unknown");
        return new Session(new Operator("cli:" + user, "Command line (" + user + ")", Optional.empty(), Optional.empty(),
                EnumSet.of(Role.CA_OPERATOR, Role.OPERATIONS_OFFICE), false, true), Instant.now(), true);
    }

    /** Reads standard input once, so several operators can answer in turn from one pipe or terminal. */
    static final class Prompter {

        private final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        /** Authenticates {@code username}: a password line, then a TOTP code line. */
        Session login(IdentityService identity, String username) throws IOException, AuthenticationException {
            char[] password = line(username + " password: ", true).toCharArray();
            String code = line(username + " TOTP code: ", false);
            try {
                return identity.authenticate(username, password, code);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }

        private String line(String prompt, boolean secret) throws IOException {
            java.io.Console console = System.console();
            if (console != null) {
                return secret ? new String(console.readPassword("%s", prompt)) : console.readLine("%s", prompt);
            }
            String value = in.readLine();
            if (value == null) {
                throw new Arguments.UsageException("standard input ended before " + prompt.strip());
            }
            return value.strip();
        }
    }
}
