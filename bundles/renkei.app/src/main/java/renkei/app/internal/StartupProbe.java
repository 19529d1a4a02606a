// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.event.EventHandler;

/**
 * Start-up measurement for {@code releng/bench startup}. When the system property
 * {@code renkei.bench.out} names a file, the time from JVM start to the first main window and the
 * heap in use after a garbage collection are written there as {@code startup_ms=} and
 * {@code heap_mb=} lines, and the console then quits (unless {@code renkei.bench.exit=false}).
 * Runs on the UI thread.
 */
final class StartupProbe {

    static final String OUTPUT_PROPERTY = "renkei.bench.out";

    private StartupProbe() {
    }

    static void installIfRequested(IEclipseContext applicationContext) {
        String output = System.getProperty(OUTPUT_PROPERTY);
        if (output == null || output.isBlank()) {
            return;
        }
        IEventBroker broker = applicationContext.get(IEventBroker.class);
        EventHandler handler = new EventHandler() {
            @Override
            public void handleEvent(org.osgi.service.event.Event event) {
                broker.unsubscribe(this);
                long startupMillis = ManagementFactory.getRuntimeMXBean().getUptime();
                write(Paths.get(output), startupMillis, usedHeapMegabytesAfterGc());
                if (!"false".equals(System.getProperty("renkei.bench.exit"))) {
                    Display display = applicationContext.get(Display.class);
                    display.asyncExec(() -> applicationContext.get(IWorkbench.class).close());
                }
            }
        };
        broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, handler);
    }

    private static long usedHeapMegabytesAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return Math.round(memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0));
    }

    private static void write(Path output, long startupMillis, long heapMegabytes) {
        String text = "startup_ms=" + startupMillis + "\nheap_mb=" + heapMegabytes + "\n";
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".bench", ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write start-up figures to " + output, e);
        }
    }
}
