// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.platform.SiteConfig;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;

/** {@code renkei login} and {@code renkei logout}: the operator the following commands act as. */
final class LoginCommands {

    /** The identity service's default for {@code session.absolute}; the server's own setting decides in connected mode. */
    static final Duration DEFAULT_ABSOLUTE = Duration.ofHours(12);

    private LoginCommands() {
    }

    static List<Command> all() {
        return List.of(new Login(), new Logout());
    }

    private static final class Login extends Command {

        Login() {
            super("login", "--user U - log in for the following commands: a password line, then a TOTP code line "
                    + "when the account has one (stdin or the terminal); the session is kept in RENKEI_HOME/cli-session", false);
        }

        @Override
        public int run(CliContext context, List<String> args) throws Exception {
            Arguments options = new Arguments(args, Set.of("--user"), Set.of());
            String user = options.required("--user");
            IdentityService identity = context.service(IdentityService.class);
            CliSessionFile file = new CliSessionFile(context.home());
            Session session = CliLogins.login(identity, context.prompter(), user);
            endPrevious(identity, file);
            String token = session.token()
                    .orElseThrow(() -> new IllegalStateException("the identity service opened a session without a token"));
            Instant notAfter = session.authenticatedAt().plus(context.service(SiteConfig.class)
                    .getDuration("session.absolute", DEFAULT_ABSOLUTE)).truncatedTo(ChronoUnit.SECONDS);
            file.write(new CliSessionFile.Login(session.username(), token, notAfter));
            context.out().println("logged in as " + session.username() + " (roles " + session.rolesText() + ") until " + notAfter);
            return 0;
        }

        /**
         * A second login replaces the first; its session is ended rather than left open until it
         * expires. Only after the new login succeeded: a mistyped password keeps the operator logged in.
         */
        private static void endPrevious(IdentityService identity, CliSessionFile file) throws IOException {
            Optional<CliSessionFile.Login> previous = file.read();
            if (previous.isPresent()) {
                try {
                    identity.logout(identity.resume(previous.get().token()));
                } catch (AuthenticationException e) {
                    // Already ended; nothing to close.
                }
                file.delete();
            }
        }
    }

    private static final class Logout extends Command {

        Logout() {
            super("logout", "- end the session of 'renkei login' and remove RENKEI_HOME/cli-session", false);
        }

        @Override
        public int run(CliContext context, List<String> args) throws Exception {
            new Arguments(args, Set.of(), Set.of());
            CliSessionFile file = new CliSessionFile(context.home());
            Optional<CliSessionFile.Login> login = file.read();
            if (login.isEmpty()) {
                file.delete();
                context.out().println("not logged in");
                return 0;
            }
            IdentityService identity = context.service(IdentityService.class);
            String note = "";
            try {
                identity.logout(identity.resume(login.get().token()));
            } catch (AuthenticationException e) {
                note = " (the session had already ended)";
            }
            file.delete();
            context.out().println("logged out " + login.get().username() + note);
            return 0;
        }
    }
}
