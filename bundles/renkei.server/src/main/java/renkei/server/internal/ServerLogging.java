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

    private ServerLogging() {
    }

    static void configure(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Formatter formatter = new OneLineFormatter();
        FileHandler file = new FileHandler(logFile.toString(), 10 * 1024 * 1024, 5, true);
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setFormatter(formatter);
        StreamHandler stdout = new StreamHandler(System.out, formatter) {
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
