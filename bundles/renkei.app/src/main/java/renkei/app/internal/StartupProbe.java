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
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

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
 * {@code heap_mb=} lines, followed by the milestones passed on the way ({@code phase.<name>_ms=}),
 * and the console then quits (unless {@code renkei.bench.exit=false}). Milestones may be marked
 * from any thread; the rest runs on the UI thread.
 */
final class StartupProbe {

    static final String OUTPUT_PROPERTY = "renkei.bench.out";

    private static final boolean ENABLED = System.getProperty(OUTPUT_PROPERTY) != null;
    private static final Map<String, Long> MILESTONES = new ConcurrentSkipListMap<>();

    private StartupProbe() {
    }

    /** Records that start-up reached {@code milestone} now (JVM uptime); the first mark counts. */
    static void mark(String milestone) {
        if (ENABLED) {
            MILESTONES.putIfAbsent(milestone, ManagementFactory.getRuntimeMXBean().getUptime());
        }
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
        StringBuilder text = new StringBuilder("startup_ms=" + startupMillis + "\nheap_mb=" + heapMegabytes + "\n");
        MILESTONES.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> text.append("phase.").append(entry.getKey()).append("_ms=").append(entry.getValue()).append('\n'));
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".bench", ".tmp");
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write start-up figures to " + output, e);
        }
    }
}
