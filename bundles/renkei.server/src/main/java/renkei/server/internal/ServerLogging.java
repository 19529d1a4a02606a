// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/** java.util.logging to a rotating file and stdout, one line per record, UTF-8. */
final class ServerLogging {

    private static volatile Path logFile;

    private ServerLogging() {
    }

    /**
     * Writes a lifecycle line without java.util.logging: the JDK's LogManager closes every handler
     * in its own shutdown hook, racing ours, so messages logged while stopping would be lost.
     */
    static synchronized void direct(String message) {
        String line = Instant.now() + " INFO " + ServerApplication.class.getName() + ": " + message + System.lineSeparator();
        System.out.print(line);
        System.out.flush();
        Path file = logFile;
        if (file != null) {
            try {
                Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("Cannot append to " + file + ": " + e);
            }
        }
    }

    static void configure(Path logFile) throws IOException {
        ServerLogging.logFile = logFile;
        Files.createDirectories(logFile.getParent());
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Formatter formatter = new OneLineFormatter();
        // One generation only, so direct() appends to the same file the handler writes.
        FileHandler file = new FileHandler(logFile.toString(), 0, 1, true);
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setFormatter(formatter);
        // Closing the handler (LogManager does so at shutdown) must not close System.out itself.
        java.io.OutputStream unclosableStdout = new java.io.FilterOutputStream(System.out) {
            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
        StreamHandler stdout = new StreamHandler(unclosableStdout, formatter) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        stdout.setEncoding(StandardCharsets.UTF_8.name());
        root.addHandler(file);
        root.addHandler(stdout);
        root.setLevel(Level.INFO);
    }

    private static final class OneLineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
