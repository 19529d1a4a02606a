// SPDX-License-Identifier: EPL-2.0
package renkei.slf4j.jul;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Sends Jetty's SLF4J logging to java.util.logging, where the server's and the CLI's own logging
 * already goes. A fragment of {@code slf4j.api}, so slf4j's ServiceLoader finds it without an OSGi
 * service-loader mediator: slf4j-api 2 requires one, and this fragment provides the capability by
 * being the provider itself.
 */
public final class JulServiceProvider implements SLF4JServiceProvider {

    private final ILoggerFactory loggerFactory = JulLogger::new;
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: JUL is configured by the application that runs.
    }
}
