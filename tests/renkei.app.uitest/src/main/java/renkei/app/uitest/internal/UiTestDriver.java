// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Starts the console UI test when the system property {@code renkei.uitest.out} names an output
 * directory, and does nothing otherwise. The test runs on its own thread and drives the real
 * console through SWT on the UI thread; see {@link ConsoleUiTest}. This bundle is added to a
 * private copy of the console's configuration by {@code releng/lib/ui-test.sh} and is never part
 * of a product.
 */
@Component(immediate = true)
public final class UiTestDriver {

    static final String OUTPUT_PROPERTY = "renkei.uitest.out";

    @Activate
    public UiTestDriver(BundleContext context) {
        String output = System.getProperty(OUTPUT_PROPERTY);
        if (output == null || output.isBlank()) {
            return;
        }
        Path directory = Paths.get(output);
        Thread thread = new Thread(() -> new ConsoleUiTest(context, directory, ConsoleUiTest.Settings.fromSystemProperties()).run(),
                "renkei-uitest");
        thread.setDaemon(true);
        thread.start();
    }
}
