// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.monitor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;

/**
 * Keeps the most recent entries written to the platform log, from the moment the console starts,
 * so the Error Log part can show them even though it is created only when first opened.
 *
 * <p>Thread-safe: the platform calls {@link #logging} on whatever thread logged; readers poll
 * {@link #version()} and take a {@link #snapshot()}.
 */
public final class ErrorLogCollector implements ILogListener {

    /** One logged status, flattened for display. */
    public record Entry(long sequence, Instant time, int severity, String plugin, String message, String details) {
    }

    private static final int CAPACITY = 1000;

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long version;

    private ErrorLogCollector() {
    }

    public static ErrorLogCollector install() {
        ErrorLogCollector collector = new ErrorLogCollector();
        Platform.addLogListener(collector);
        return collector;
    }

    public void uninstall() {
        Platform.removeLogListener(this);
    }

    @Override
    public synchronized void logging(IStatus status, String plugin) {
        version++;
        entries.addFirst(new Entry(version, Instant.now(), status.getSeverity(),
                status.getPlugin() == null || status.getPlugin().isEmpty() ? plugin : status.getPlugin(), status.getMessage(),
                details(status)));
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Entry> snapshot() {
        return new ArrayList<>(entries);
    }

    /** Changes whenever an entry is added or the log is cleared. */
    public synchronized long version() {
        return version;
    }

    public synchronized void clear() {
        entries.clear();
        version++;
    }

    private static String details(IStatus status) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        appendStatus(out, status, "");
        out.flush();
        return text.toString();
    }

    private static void appendStatus(PrintWriter out, IStatus status, String indent) {
        out.println(indent + status.getMessage());
        if (status.getException() != null) {
            status.getException().printStackTrace(out);
        }
        for (IStatus child : status.getChildren()) {
            appendStatus(out, child, indent + "  ");
        }
    }
}
