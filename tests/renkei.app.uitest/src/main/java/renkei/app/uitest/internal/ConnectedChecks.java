// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

import renkei.platform.remote.ServerConnection;

/**
 * What only a connected console shows: the login dialog names the server; the status line shows
 * the server and "connected"; the services the UI binds are the connected client's remote proxies
 * and no database runs here; the only unsatisfied components are those that need the (absent)
 * database, directly or through one another; the site configuration page and About name the
 * server. Finally the server is stopped and started again by the script (request files in the
 * output directory): the status line must show the lost link in red, then "connected" again.
 * Runs on the test thread like {@link ConsoleUiTest}, which it belongs to.
 */
final class ConnectedChecks {

    /** Interfaces the console binds that must be remote proxies in a connected home. */
    static final List<String> PROXIED = List.of("renkei.platform.IdentityService", "renkei.platform.NotificationService",
            "renkei.platform.HealthService", "renkei.platform.AuditLog", "renkei.ca.core.CaService", "renkei.ca.core.CaKeyService",
            "renkei.ca.core.CaRepositoryService", "renkei.ca.core.GridMapService");
    /** What the platform does not start in a connected home. */
    private static final Set<String> ABSENT = Set.of("renkei.platform.Database", "javax.sql.DataSource");
    private static final String PROXY_PROPERTY = "renkei.remote.proxy";
    private static final String STATUS_DATA = "renkei.status.database";
    private static final Duration LOST_WAIT = Duration.ofSeconds(40);
    private static final Duration BACK_WAIT = Duration.ofSeconds(120);
    private static final RGB RED = new RGB(255, 0, 0);

    private final ConsoleUiTest test;
    private final Report report;
    private final BundleContext context;
    private final String serverUrl;

    ConnectedChecks(ConsoleUiTest test, Report report, BundleContext context, String serverUrl) {
        this.test = test;
        this.report = report;
        this.context = context;
        this.serverUrl = serverUrl;
    }

    /** Before logging in: the dialog says which server checks the login. */
    void checkLoginDialog(Ui ui) throws Exception {
        Shell login = ui.await("login dialog", Duration.ofSeconds(90), () -> ui.shell("renkei.login"));
        String location = ui.call(() -> {
            Label label = Ui.find(login, "renkei.login.location", Label.class);
            return label == null ? null : label.getText();
        });
        report.check(location != null && location.contains(serverUrl), "login dialog names the server: "
                + (location == null ? null : location.replace('\n', ' ')), "says " + location);
    }

    void checkStatusLine(Ui ui, Shell main) {
        String text = statusText(ui, main);
        boolean red = statusIsRed(ui, main);
        report.check(text != null && text.contains(serverUrl) && !red && text.contains(connectedWord()),
                "status line shows the server and that it is connected: " + text, "shows '" + text + "'" + (red ? " in red" : ""));
    }

    /** The services the console binds are the server's, through proxies; there is no database. */
    void checkServices() throws InvalidSyntaxException {
        List<String> missing = new ArrayList<>();
        List<String> local = new ArrayList<>();
        for (String name : PROXIED) {
            ServiceReference<?> reference = context.getServiceReference(name);
            if (reference == null) {
                missing.add(name);
            } else if (!Boolean.TRUE.equals(reference.getProperty(PROXY_PROPERTY))) {
                local.add(name + " from " + reference.getBundle().getSymbolicName());
            }
        }
        report.check(missing.isEmpty() && local.isEmpty(), "the console binds remote proxies (" + PROXY_PROPERTY + "=true) for "
                + PROXIED.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).collect(Collectors.joining(", ")),
                "missing " + missing + ", not proxies " + local);
        ServiceReference<ServerConnection> connection = context.getServiceReference(ServerConnection.class);
        String url = connection == null ? null : context.getService(connection).serverUrl();
        if (connection != null) {
            context.ungetService(connection);
        }
        report.check(serverUrl.equals(url), "ServerConnection service names " + url, "expected " + serverUrl);
        List<String> databases = ABSENT.stream().filter(name -> context.getServiceReference(name) != null).toList();
        report.check(databases.isEmpty(), "no database service runs in the connected console", "found " + databases);
        Path home = Path.of(System.getProperty("renkei.home", ""));
        report.check(!Files.exists(home.resolve("db")), "the connected home has no database directory", home.resolve("db") + " exists");
    }

    /**
     * Every component is active or satisfied, except those that need the database: directly, or
     * through a service that only such a component provides. Nothing failed to activate.
     */
    void checkComponents() {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            report.fail("no ServiceComponentRuntime");
            return;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            record Unsatisfied(ComponentDescriptionDTO description, List<String> missingInterfaces) {
            }
            List<Unsatisfied> unsatisfied = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            int configurations = 0;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                Map<String, String> interfaces = new HashMap<>();
                for (ReferenceDTO ref : description.references) {
                    interfaces.put(ref.name, ref.interfaceName);
                }
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    configurations++;
                    if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                        List<String> missing = new ArrayList<>();
                        for (UnsatisfiedReferenceDTO ref : configuration.unsatisfiedReferences) {
                            missing.add(interfaces.getOrDefault(ref.name, ref.name));
                        }
                        unsatisfied.add(new Unsatisfied(description, missing));
                    } else if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        failed.add(description.name + " (state " + configuration.state
                                + (configuration.failure == null ? "" : ", " + configuration.failure.lines().findFirst().orElse(""))
                                + ")");
                    }
                }
            }
            Set<String> absent = new HashSet<>(ABSENT);
            Set<ComponentDescriptionDTO> expected = new HashSet<>();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Unsatisfied component : unsatisfied) {
                    if (!expected.contains(component.description()) && absent.containsAll(component.missingInterfaces())) {
                        expected.add(component.description());
                        absent.addAll(Arrays.asList(component.description().serviceInterfaces));
                        grew = true;
                    }
                }
            }
            List<String> unexpected = unsatisfied.stream().filter(component -> !expected.contains(component.description()))
                    .map(component -> component.description().name + " (missing " + component.missingInterfaces() + ")").toList();
            report.check(failed.isEmpty() && unexpected.isEmpty(), configurations + " DS component configurations: "
                    + (configurations - unsatisfied.size() - failed.size()) + " active or satisfied, " + expected.size()
                    + " unsatisfied only for want of the database", "failed " + failed + ", unsatisfied for other reasons " + unexpected);
            boolean identityLocalOff = expected.stream().anyMatch(d -> Arrays.asList(d.serviceInterfaces).contains("renkei.platform.IdentityService"));
            report.check(identityLocalOff, "the local identity service is unsatisfied (needs the database); the proxy serves instead",
                    "no unsatisfied local IdentityService component");
            report.note("unsatisfied for want of the database: " + expected.stream().map(d -> d.name.substring(d.name.lastIndexOf('.') + 1))
                    .sorted().collect(Collectors.joining(", ")));
        } finally {
            context.ungetService(reference);
        }
    }

    /** File > Preferences: the site page names the server and edits nothing. */
    void checkPreferences(Ui ui, Shell main) throws Exception {
        test.execute(ui, main, "renkei.app.command.preferences");
        Shell dialog;
        try {
            dialog = ui.await("Preferences dialog", Duration.ofSeconds(20), () -> ui.shell("renkei.preferences"));
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return;
        }
        Thread.sleep(800);
        List<String> labels = ui.call(() -> Ui.all(dialog, Label.class).stream().map(Label::getText).toList());
        String url = ui.call(() -> Ui.all(dialog, Text.class).stream().filter(text -> "server.url".equals(text.getToolTipText()))
                .map(Text::getText).findFirst().orElse(null));
        boolean editable = ui.call(() -> Ui.all(dialog, Text.class).stream().filter(Control::isVisible)
                .anyMatch(text -> text.getEditable() && text.getToolTipText() != null && text.getToolTipText().startsWith("db.")));
        report.check(serverUrl.equals(url) && !editable && labels.stream().noneMatch(text -> text.contains("JDBC")),
                "Preferences name the server and offer no database or mail settings in a connected home",
                "server.url field '" + url + "', database fields editable " + editable + ", labels " + labels);
        test.screenshot(ui, dialog, "preferences");
        ui.run(dialog::close);
    }

    /**
     * Asks the script to stop the server, expects the status line to show the lost link in red,
     * then asks for the server to be started again and expects "connected" again (the client's
     * event stream reconnects by itself).
     */
    void checkServerLost(Ui ui, Shell main) throws Exception {
        Path output = test.output();
        String suffix = test.settings().suffix();
        request(output.resolve("stop-server" + suffix + ".request"));
        try {
            String lost = ui.await("lost server link in the status line", LOST_WAIT, () -> {
                CLabel label = Ui.find(main, STATUS_DATA, CLabel.class);
                return label != null && RED.equals(label.getForeground().getRGB()) ? label.getText() : null;
            });
            report.pass("status line shows the stopped server in red: " + lost);
            String tooltip = ui.call(() -> Ui.find(main, STATUS_DATA, CLabel.class).getToolTipText());
            report.note("status line tooltip: " + tooltip);
            Thread.sleep(500);
            test.screenshot(ui, main, "server-lost");
        } catch (TimeoutException e) {
            report.fail(e.getMessage() + "; status line says " + statusText(ui, main));
            test.screenshot(ui, main, "server-lost");
            return;
        }
        request(output.resolve("start-server" + suffix + ".request"));
        try {
            String back = ui.await("connected server link again", BACK_WAIT, () -> {
                CLabel label = Ui.find(main, STATUS_DATA, CLabel.class);
                return label != null && !RED.equals(label.getForeground().getRGB()) && label.getText().contains(connectedWord())
                        ? label.getText() : null;
            });
            report.pass("after the server was started again the console reconnected by itself: " + back);
            Thread.sleep(500);
            test.screenshot(ui, main, "server-back");
        } catch (TimeoutException e) {
            report.fail(e.getMessage() + "; status line says " + statusText(ui, main));
        }
    }

    /** Writes a request file for the script, which removes it when it has acted. */
    private void request(Path file) throws Exception {
        Files.writeString(file, java.time.Instant.now() + "\n");
        report.note("asked the script: " + file.getFileName());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (Files.exists(file)) {
            report.fail("the script did not act on " + file.getFileName() + " within 90 s");
        }
    }

    private String connectedWord() {
        return test.settings().expectJapanese() ? "接続中" : "connected";
    }

    private static String statusText(Ui ui, Shell main) {
        return ui.call(() -> Ui.text(Ui.find(main, STATUS_DATA, Control.class)));
    }

    private static boolean statusIsRed(Ui ui, Shell main) {
        return ui.call(() -> {
            Control label = Ui.find(main, STATUS_DATA, Control.class);
            return label != null && label.getForeground() != null && RED.equals(label.getForeground().getRGB());
        });
    }
}
