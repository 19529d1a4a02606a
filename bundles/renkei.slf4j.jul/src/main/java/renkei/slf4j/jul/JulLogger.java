// SPDX-License-Identifier: EPL-2.0
package renkei.slf4j.jul;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.slf4j.Marker;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One SLF4J logger backed by the JUL logger of the same name. */
final class JulLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Logger delegate;

    JulLogger(String name) {
        this.name = name;
        this.delegate = Logger.getLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return delegate.isLoggable(Level.FINEST);
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isLoggable(Level.FINE);
    }

    @Override
    public boolean isInfoEnabled() {
        return delegate.isLoggable(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return delegate.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return delegate.isLoggable(Level.SEVERE);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        Level julLevel = switch (level) {
            case TRACE -> Level.FINEST;
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR -> Level.SEVERE;
        };
        if (!delegate.isLoggable(julLevel)) {
            return;
        }
        LogRecord record = new LogRecord(julLevel, MessageFormatter.basicArrayFormat(pattern, arguments));
        record.setLoggerName(name);
        record.setThrown(throwable);
        delegate.log(record);
    }
}
