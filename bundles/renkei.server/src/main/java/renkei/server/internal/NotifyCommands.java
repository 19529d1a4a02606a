// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import renkei.platform.MailStatus;
import renkei.platform.Notification;
import renkei.platform.NotificationService;
import renkei.platform.Severity;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;

/** {@code renkei notify …} and {@code renkei mail …}: the console feed and the outgoing mail queue. */
final class NotifyCommands {

    private NotifyCommands() {
    }

    static List<Command> all() {
        return List.of(new Post(), new Feed(), new MailQueue(), new MailTest(),
                new MailDeliver());
    }

    private static final class Post extends Command {

        Post() {
            super("notify post",
                    "--title T [--body B] [--severity INFO|WARNING|CRITICAL] [--source S] - add an item to every console's feed");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--title", "--body", "--severity", "--source"), Set.of());
            Severity severity = Severity.valueOf(options.value("--severity").orElse("INFO").toUpperCase(Locale.ROOT));
            Notification posted = context.service(NotificationService.class).post(severity,
                    options.value("--source").orElse("cli"), options.required("--title"), options.value("--body").orElse(""));
            out.println(posted.id());
            return 0;
        }
    }

    private static final class Feed extends Command {

        Feed() {
            super("notify feed",
                    "[--limit N] - newest feed items: time, severity, source, title");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--limit"), Set.of());
            for (Notification n : context.service(NotificationService.class).feed(options.intValue("--limit", 20))) {
                out.println(String.join("\t", n.createdAt().toString(), n.severity().name(), n.source(), n.title()));
            }
            return 0;
        }
    }

    private static final class MailQueue extends Command {

        MailQueue() {
            super("mail queue",
                    "[--limit N] - outgoing mail: id, state, attempts, next attempt, recipient, charset, subject, last error");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--limit"), Set.of());
            for (MailStatus m : context.service(NotificationService.class).mailQueue(options.intValue("--limit", 50))) {
                out.println(String.join("\t", Long.toString(m.id()), m.state().name(), Integer.toString(m.attempts()),
                        m.nextAttemptAt().toString(), m.recipient(), m.charset(), m.subject(), m.lastError().orElse("")));
            }
            return 0;
        }
    }

    private static final class MailTest extends Command {

        MailTest() {
            super("mail test",
                    "--to ADDRESS [--lang en|ja] - queue the test mail template (delivered by the scheduler or 'mail deliver')");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--to", "--lang"), Set.of());
            long id = context.service(NotificationService.class).queueTemplated(options.required("--to"),
                    Locale.forLanguageTag(options.value("--lang").orElse("en")), "test", Map.of("operator", "renkei CLI (" + System.getProperty("user.name") + ")"));
            out.println(id);
            return 0;
        }
    }

    private static final class MailDeliver extends Command {

        MailDeliver() {
            super("mail deliver",
                    "- try every due mail now; prints how many were sent");
        }

        @Override
        public int run(CliContext context, List<String> args) {
        PrintStream out = context.out();
            new Arguments(args, Set.of(), Set.of());
            out.println(context.service(NotificationService.class).deliverDue());
            return 0;
        }
    }
}
