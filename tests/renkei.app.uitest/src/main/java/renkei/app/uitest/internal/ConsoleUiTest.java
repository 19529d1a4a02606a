// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import renkei.platform.AccessDeniedException;
import renkei.platform.NotificationService;
import renkei.platform.Severity;

/**
 * The console UI test: logs in through the real login dialog, waits for the main window, checks
 * the Dashboard, the module navigator, the status line and every Declarative Services component,
 * takes screenshots, writes the report and closes the console. Runs on its own thread; every
 * widget access goes through {@link Ui} to the UI thread.
 */
final class ConsoleUiTest {

    /**
     * What to log in as and what to expect, from {@code renkei.uitest.*} system properties; the
     * second operator (empty when the script has none) is who activates the CA key together with
     * the one logged in, and the demo license is the demo CA's unused license ID.
     */
    record Settings(String scenario, String username, String password, String totpSecret, String suffix,
            boolean expectJapanese, String secondUser, String secondPassword, String secondTotpSecret, String demoLicense,
            String serverUrl, boolean serverControl) {

        /** Logs in and checks the main window. */
        static final String SCENARIO_CONSOLE = "console";

        /** Cancels the login dialog; the console must then quit by itself with exit status 0. */
        static final String SCENARIO_CANCEL = "cancel";

        /**
         * Logs in to a connected home (its server is {@code serverUrl}) and checks the main window
         * as the server shows it; with {@code serverControl} the script stops and restarts the
         * server on request, and the status line must follow.
         */
        static final String SCENARIO_CONNECTED = "connected";

        /**
         * Logs in to a connected home whose server ({@code serverUrl}) is stopped: the login
         * dialog must say so, naming the server, within seconds; then Cancel as in
         * {@link #SCENARIO_CANCEL}.
         */
        static final String SCENARIO_UNREACHABLE = "unreachable";

        static Settings fromSystemProperties() {
            return new Settings(System.getProperty("renkei.uitest.scenario", SCENARIO_CONSOLE),
                    System.getProperty("renkei.uitest.user", ""), System.getProperty("renkei.uitest.password", ""),
                    System.getProperty("renkei.uitest.totpSecret", ""), System.getProperty("renkei.uitest.suffix", ""),
                    Boolean.getBoolean("renkei.uitest.expectJapanese"), System.getProperty("renkei.uitest.secondUser", ""),
                    System.getProperty("renkei.uitest.secondPassword", ""),
                    System.getProperty("renkei.uitest.secondTotpSecret", ""), System.getProperty("renkei.uitest.demoLicense", ""),
                    System.getProperty("renkei.uitest.serverUrl", ""), Boolean.getBoolean("renkei.uitest.serverControl"));
        }

        boolean connected() {
            return SCENARIO_CONNECTED.equals(scenario);
        }
    }

    private static final String DASHBOARD_PART = "renkei.app.part.dashboard";
    private static final String DNS_PART = "renkei.site.example.part.dns";
    private static final String ERROR_LOG_PART = "renkei.app.part.errorlog";
    private static final String OWNING_MODEL_ELEMENT = "modelElement";

    private final BundleContext context;
    private final Path output;
    private final Settings settings;
    private final Report report;
    /** The TOTP step whose code the login used: the identity service refuses it a second time. */
    private volatile long loginTotpStep = -1;

    ConsoleUiTest(BundleContext context, Path output, Settings settings) {
        this.context = context;
        this.output = output;
        this.settings = settings;
        this.report = new Report(output.resolve("result" + settings.suffix() + ".txt"));
    }

    void run() {
        if (Settings.SCENARIO_CANCEL.equals(settings.scenario()) || Settings.SCENARIO_UNREACHABLE.equals(settings.scenario())) {
            cancelLogin(Settings.SCENARIO_UNREACHABLE.equals(settings.scenario()));
            return;
        }
        if (settings.connected()) {
            runConnected();
            return;
        }
        Ui ui = null;
        Shell main = null;
        try {
            ui = Ui.awaitDisplay(Duration.ofSeconds(60));
            logIn(ui);
            main = awaitMainWindow(ui);
            checkDashboard(ui, main);
            checkNavigator(ui, main);
            checkStatusLine(ui, main);
            if (settings.expectJapanese()) {
                checkJapanese(ui, main);
            }
            checkComponents();
            checkNotificationFeed(ui, main);
            Thread.sleep(1000);
            screenshot(ui, main, "main");
            checkRunNow(ui, main);
            showPart(ui, main, DNS_PART, null);
            checkProbeNow(ui, main);
            showPart(ui, main, DASHBOARD_PART, null);
            checkPreferences(ui, main);
            checkAbout(ui, main);
            checkErrorLog(ui, main);
            new CaConsoleChecks(this, report, ui, main).run(!settings.totpSecret().isEmpty());
            if (!settings.totpSecret().isEmpty()) {
                new CaKeyActivationChecks(this, report, ui, main).run();
            }
        } catch (Throwable t) {
            report.fail("unexpected " + t);
            if (ui != null && main == null) {
                describeLoginDialog(ui);
            }
        } finally {
            report.write();
            close(ui);
        }
    }

    /**
     * The console in a connected home: the same checks where they make sense, against what the
     * server holds and measures, then what only a connected console shows ({@link ConnectedChecks}).
     * The CA checks change nothing on the server; the key activation is left to the embedded runs.
     */
    private void runConnected() {
        Ui ui = null;
        Shell main = null;
        ConnectedChecks connected = new ConnectedChecks(this, report, context, settings.serverUrl());
        try {
            ui = Ui.awaitDisplay(Duration.ofSeconds(60));
            connected.checkLoginDialog(ui);
            logIn(ui);
            main = awaitMainWindow(ui);
            checkDashboard(ui, main);
            checkNavigator(ui, main);
            checkStatusLine(ui, main);
            connected.checkStatusLine(ui, main);
            if (settings.expectJapanese()) {
                checkJapanese(ui, main);
            }
            connected.checkServices();
            connected.checkComponents();
            checkNotificationFeed(ui, main);
            Thread.sleep(1000);
            screenshot(ui, main, "main");
            checkRunNow(ui, main);
            showPart(ui, main, DNS_PART, null);
            checkProbeNow(ui, main);
            showPart(ui, main, DASHBOARD_PART, null);
            connected.checkPreferences(ui, main);
            checkAbout(ui, main);
            checkErrorLog(ui, main);
            new CaConsoleChecks(this, report, ui, main).run(!settings.totpSecret().isEmpty());
            if (settings.serverControl()) {
                showPart(ui, main, DASHBOARD_PART, null);
                connected.checkServerLost(ui, main);
            }
        } catch (Throwable t) {
            report.fail("unexpected " + t);
            if (ui != null && main == null) {
                describeLoginDialog(ui);
            }
        } finally {
            report.write();
            close(ui);
        }
    }

    /**
     * Presses Cancel in the login dialog. The report is written first; the console must then exit
     * on its own (the script checks for exit status 0), or this thread fails it after 20 seconds.
     */
    private void cancelLogin(boolean unreachableServer) {
        try {
            Ui ui = Ui.awaitDisplay(Duration.ofSeconds(60));
            Shell login = ui.await("login dialog", Duration.ofSeconds(90), () -> ui.shell("renkei.login"));
            if (unreachableServer) {
                checkUnreachableServer(ui, login);
            }
            Button cancel = ui.call(() -> Ui.find(login, "renkei.login.cancel", Button.class));
            report.check(cancel != null, "login dialog has a Cancel button", "missing");
            if (cancel != null) {
                report.note("pressing Cancel; the console must now quit without opening a window");
                report.write();
                ui.press(cancel);
            }
        } catch (Throwable t) {
            report.fail("unexpected " + t);
            report.write();
        }
        try {
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("[uitest] the console did not quit within 20 s after Cancel");
        Runtime.getRuntime().halt(3);
    }

    /** Logging in while the server is down fails at once with a message that names the server. */
    private void checkUnreachableServer(Ui ui, Shell login) throws Exception {
        Text user = ui.call(() -> Ui.find(login, "renkei.login.user", Text.class));
        Text password = ui.call(() -> Ui.find(login, "renkei.login.password", Text.class));
        Button submit = ui.call(() -> Ui.find(login, "renkei.login.submit", Button.class));
        String location = ui.call(() -> Ui.find(login, "renkei.login.location", Label.class).getText());
        ui.type(user, settings.username());
        ui.type(password, settings.password());
        long start = System.nanoTime();
        ui.press(submit);
        try {
            String message = ui.await("login error naming the server", Duration.ofSeconds(30), () -> submit.isEnabled()
                    ? texts(login).stream().filter(text -> text.contains(settings.serverUrl()) && !text.equals(location)).findFirst()
                            .orElse(null)
                    : null);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            report.check(seconds <= 15, "with the server stopped the login says so after " + seconds + " s: "
                    + message.replace('\n', ' '), "took " + seconds + " s");
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail(e.getMessage() + "; the dialog says " + ui.call(() -> texts(login)));
        }
        Thread.sleep(400);
        screenshot(ui, login, "login");
    }

    private void logIn(Ui ui) throws Exception {
        Shell login = ui.await("login dialog", Duration.ofSeconds(90), () -> ui.shell("renkei.login"));
        report.pass("login dialog shown: " + ui.call(login::getText));
        Text user = ui.call(() -> Ui.find(login, "renkei.login.user", Text.class));
        Text password = ui.call(() -> Ui.find(login, "renkei.login.password", Text.class));
        Button submit = ui.call(() -> Ui.find(login, "renkei.login.submit", Button.class));
        if (!report.check(user != null && password != null && submit != null, "login dialog has user, password and submit",
                "widgets missing")) {
            throw new IllegalStateException("login dialog incomplete");
        }
        refusesWrongPassword(ui, login, user, password, submit);
        boolean typed = ui.type(user, settings.username()) & ui.type(password, settings.password());
        report.note(typed ? "credentials typed with posted key events" : "key events not delivered; credentials set as text");
        screenshot(ui, login, "login");
        ui.press(submit);
        if (!settings.totpSecret().isEmpty()) {
            answerSecondFactor(ui, login, submit);
        }
    }

    /** A wrong password keeps the dialog open, clears the password and says why, in the UI language. */
    private void refusesWrongPassword(Ui ui, Shell login, Text user, Text password, Button submit) throws Exception {
        ui.type(user, settings.username());
        ui.type(password, "not-" + settings.password());
        List<String> before = ui.call(() -> texts(login));
        ui.press(submit);
        try {
            String message = ui.await("refusal message", Duration.ofSeconds(20), () -> {
                if (login.isDisposed() || !password.getText().isEmpty() || !submit.isEnabled()) {
                    return null;
                }
                return texts(login).stream().filter(text -> !before.contains(text)).findFirst().orElse(null);
            });
            report.check(!settings.expectJapanese() || message.chars().anyMatch(c -> c > 0x2000),
                    "wrong password refused in the dialog: " + message, "message not translated");
            Thread.sleep(400); // let the re-enabled controls repaint
            screenshot(ui, login, "login-refused");
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail("wrong password: " + e.getMessage());
        }
    }

    /** Every text a label or read-only text field of the shell shows. UI thread. */
    private static List<String> texts(Shell shell) {
        List<String> found = new ArrayList<>();
        Ui.all(shell, Label.class).stream().filter(Control::isVisible).map(Label::getText).filter(t -> !t.isBlank())
                .forEach(found::add);
        Ui.all(shell, org.eclipse.swt.custom.CLabel.class).stream().filter(Control::isVisible).map(l -> l.getText())
                .filter(t -> t != null && !t.isBlank()).forEach(found::add);
        Ui.all(shell, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) != 0 && t.isVisible())
                .map(Text::getText).filter(t -> !t.isBlank()).forEach(found::add);
        return found;
    }

    /** The dialog must ask for the TOTP code once the password was accepted. */
    private void answerSecondFactor(Ui ui, Shell login, Button submit) throws Exception {
        Text totp = ui.await("TOTP field", Duration.ofSeconds(30), () -> {
            Text field = login.isDisposed() ? null : Ui.find(login, "renkei.login.totp", Text.class);
            return field != null && field.isVisible() && field.isEnabled() ? field : null;
        });
        report.pass("login dialog asks for the second factor");
        if (Totp.secondsLeft(java.time.Instant.now()) < 4) {
            Thread.sleep(4000);
        }
        java.time.Instant now = java.time.Instant.now();
        loginTotpStep = Totp.step(now);
        ui.type(totp, Totp.code(settings.totpSecret(), now));
        screenshot(ui, login, "login-totp");
        ui.press(submit);
    }

    private Shell awaitMainWindow(Ui ui) throws Exception {
        Shell main = ui.await("main window", Duration.ofSeconds(60), () -> {
            for (Shell shell : ui.display().getShells()) {
                if (!shell.isDisposed() && shell.isVisible() && shell.getData(OWNING_MODEL_ELEMENT) instanceof MWindow) {
                    return shell;
                }
            }
            return null;
        });
        report.pass("main window shown: " + ui.call(main::getText));
        return main;
    }

    private void checkDashboard(Ui ui, Shell main) throws InterruptedException {
        try {
            Table table = ui.await("Dashboard health rows", Duration.ofSeconds(45), () -> {
                Table found = Ui.find(main, "renkei.dashboard.table", Table.class);
                return found != null && found.getItemCount() > 0 ? found : null;
            });
            List<String> rows = ui.call(() -> Arrays.stream(table.getItems())
                    .map(item -> item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2)).toList());
            report.pass("Dashboard shows " + rows.size() + " health row(s): " + String.join("; ", rows));
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail("Dashboard table has no health row: " + e.getMessage());
        }
    }

    private void checkNavigator(Ui ui, Shell main) {
        List<String[]> entries = ui.call(() -> {
            Table table = Ui.find(main, "renkei.navigator.list", Table.class);
            List<String[]> found = new ArrayList<>();
            if (table != null) {
                for (TableItem item : table.getItems()) {
                    found.add(new String[] { item.getData() instanceof MPart part ? part.getElementId() : "?", item.getText() });
                }
            }
            return found;
        });
        report.note("navigator: " + entries.stream().map(e -> e[1] + " [" + e[0] + "]").collect(Collectors.joining(", ")));
        report.check(entries.stream().anyMatch(e -> e[0].equals(DASHBOARD_PART)), "navigator lists the Dashboard", "not listed");
        report.check(entries.stream().anyMatch(e -> e[0].equals(DNS_PART)), "navigator lists the site DNS part", "not listed");
        report.check(!entries.isEmpty() && entries.stream().noneMatch(e -> e[1].startsWith("%") || e[1].isBlank()),
                "navigator labels are translated", "untranslated or empty label");
    }

    private void checkStatusLine(Ui ui, Shell main) {
        String operator = ui.call(() -> Ui.text(Ui.find(main, "renkei.status.operator", Control.class)));
        report.check(operator != null && operator.contains(settings.username()), "status line shows the operator",
                "found '" + operator + "'");
        for (String id : new String[] { "renkei.status.database", "renkei.status.scheduler", "renkei.status.refreshed" }) {
            String text = ui.call(() -> Ui.text(Ui.find(main, id, Control.class)));
            report.check(text != null && !text.isBlank(), "status line " + id.substring(id.lastIndexOf('.') + 1) + ": " + text,
                    "missing");
        }
    }

    private void checkJapanese(Ui ui, Shell main) {
        List<String> texts = ui.call(() -> {
            List<String> found = new ArrayList<>();
            found.add(main.getText());
            Table dashboard = Ui.find(main, "renkei.dashboard.table", Table.class);
            if (dashboard != null) {
                Arrays.stream(dashboard.getColumns()).map(TableColumn::getText).forEach(found::add);
            }
            Table navigator = Ui.find(main, "renkei.navigator.list", Table.class);
            if (navigator != null) {
                Arrays.stream(navigator.getItems()).map(TableItem::getText).forEach(found::add);
            }
            return found;
        });
        List<String> ascii = texts.stream().filter(text -> text.chars().allMatch(c -> c < 0x80)).toList();
        report.check(ascii.isEmpty(), "window title, navigator and Dashboard headers are Japanese: " + texts,
                "still English: " + ascii);
    }

    private void checkComponents() {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            report.fail("no ServiceComponentRuntime");
            return;
        }
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            List<String> offenders = new ArrayList<>();
            int configurations = 0;
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                    configurations++;
                    if (configuration.state != ComponentConfigurationDTO.ACTIVE
                            && configuration.state != ComponentConfigurationDTO.SATISFIED) {
                        offenders.add(description.name + " (" + description.bundle.symbolicName + ", state " + configuration.state
                                + (configuration.unsatisfiedReferences.length == 0 ? ""
                                        : ", missing " + Arrays.stream(configuration.unsatisfiedReferences)
                                                .map(r -> r.name).collect(Collectors.joining(",")))
                                + (configuration.failure == null ? "" : ", " + configuration.failure.lines().findFirst().orElse(""))
                                + ")");
                    }
                }
            }
            report.check(offenders.isEmpty(), configurations + " DS component configurations are ACTIVE or SATISFIED",
                    "unsatisfied: " + String.join("; ", offenders));
        } finally {
            context.ungetService(reference);
        }
    }

    /**
     * Posts a Japanese notification through the platform service and expects the feed to show it
     * unchanged: database, service and table must all keep the text intact. In a connected home the
     * post goes to the server and comes back through its event stream; there only the operations
     * office and incident responders may post, so another operator's post must be refused by the
     * server, and the feed must show what the office's connected run posted before instead.
     */
    private void checkNotificationFeed(Ui ui, Shell main) throws InterruptedException {
        ServiceReference<NotificationService> reference = context.getServiceReference(NotificationService.class);
        if (reference == null) {
            report.fail("no NotificationService");
            return;
        }
        String title = notificationTitle(settings.suffix());
        String body = "ホスト証明書 host01.example.ac.jp の有効期限まで残り 14 日です。更新手続きを行ってください。";
        String expected = title;
        try {
            context.getService(reference).post(Severity.WARNING, "uitest", title, body);
        } catch (AccessDeniedException refused) {
            if (!settings.connected()) {
                throw refused;
            }
            report.pass("the server refuses a notification from " + settings.username() + ": " + refused.getMessage());
            expected = notificationTitle(CONNECTED_OFFICE_SUFFIX);
        } finally {
            context.ungetService(reference);
        }
        String wanted = expected;
        try {
            ui.await("notification '" + wanted + "' in the feed", Duration.ofSeconds(40), () -> {
                Table table = Ui.find(main, "renkei.feed.table", Table.class);
                for (int i = 0; table != null && i < table.getItemCount(); i++) {
                    if (wanted.equals(table.getItem(i).getText(3))) {
                        table.setSelection(i);
                        table.notifyListeners(SWT.Selection, new Event());
                        return table;
                    }
                }
                return null;
            });
            String details = ui.call(() -> {
                for (Text text : Ui.all(main, Text.class)) {
                    if (text.getText().contains(body)) {
                        return text.getText();
                    }
                }
                return null;
            });
            report.check(details != null, "feed shows the Japanese notification '" + wanted + "' and its text intact"
                    + (settings.connected() ? " (posted through the server)" : ""), "body not shown");
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail("feed does not show the notification titled " + wanted + ": " + e.getMessage());
        }
    }

    /** The connected run of the operations office, which posts the notification other connected runs look for. */
    private static final String CONNECTED_OFFICE_SUFFIX = "-connected";

    private static String notificationTitle(String suffix) {
        return "証明書の更新期限が近づいています (UI テスト" + suffix + ")";
    }

    /** Selects the first Dashboard row, presses Run now and expects the job in the Progress part. */
    private void checkRunNow(Ui ui, Shell main) throws Exception {
        String source = ui.call(() -> {
            Table table = Ui.find(main, "renkei.dashboard.table", Table.class);
            if (table == null || table.getItemCount() == 0) {
                return null;
            }
            table.setSelection(0);
            table.notifyListeners(SWT.Selection, new Event());
            return table.getItem(0).getText(1);
        });
        Button runNow = ui.call(() -> Ui.find(main, "renkei.dashboard.runNow", Button.class));
        if (source == null || runNow == null) {
            report.fail("Run now: no Dashboard row or no button");
            return;
        }
        ui.press(runNow);
        showPart(ui, main, "renkei.app.part.progress", null);
        try {
            ui.await("finished job for " + source + " in the Progress part", Duration.ofSeconds(30), () -> {
                Table table = Ui.find(main, "renkei.progress.table", Table.class);
                for (int i = 0; table != null && i < table.getItemCount(); i++) {
                    TableItem item = table.getItem(i);
                    if (item.getText(0).contains(source) && "FINISHED".equals(jobState(item.getData()))) {
                        return item;
                    }
                }
                return null;
            });
            report.pass("Run now on '" + source + "' ran as a job shown in the Progress part");
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail("Run now: " + e.getMessage());
        }
        Thread.sleep(500);
        screenshot(ui, main, "progress");
    }

    /** The site's DNS part: Probe now runs the check in a job and says when it probed. */
    private void checkProbeNow(Ui ui, Shell main) throws Exception {
        Button probe = ui.call(() -> Ui.find(main, "renkei.site.example.dns.probe", Button.class));
        if (probe == null) {
            report.fail("DNS part has no Probe now button");
            return;
        }
        ui.press(probe);
        try {
            String state = ui.await("probe result", Duration.ofSeconds(30), () -> {
                Label label = Ui.find(main, "renkei.site.example.dns.probeState", Label.class);
                return label != null && probe.isEnabled() && label.getText().matches(".*\\d\\d:\\d\\d:\\d\\d.*") ? label.getText() : null;
            });
            report.pass("DNS part Probe now: " + state);
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail("DNS part Probe now: " + e.getMessage());
        }
        Thread.sleep(1000);
        screenshot(ui, main, "dns");
    }

    /**
     * File > Preferences through its command: the site configuration page shows; an operator of
     * the operations office changes the SMTP port, which must land in renkei.properties; the
     * Language page shows.
     */
    private void checkPreferences(Ui ui, Shell main) throws Exception {
        execute(ui, main, "renkei.app.command.preferences");
        Shell dialog;
        try {
            dialog = ui.await("Preferences dialog", Duration.ofSeconds(20), () -> ui.shell("renkei.preferences"));
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail(e.getMessage());
            return;
        }
        Thread.sleep(800);
        List<String> labels = ui.call(() -> Ui.all(dialog, Label.class).stream().map(Label::getText).toList());
        report.check(labels.stream().anyMatch(text -> text.contains("JDBC")) && labels.size() > 5,
                "Preferences show the site configuration page", "labels " + labels);
        Text port = ui.call(() -> Ui.all(dialog, Text.class).stream()
                .filter(text -> "mail.smtp.port".equals(text.getToolTipText())).findFirst().orElse(null));
        boolean editable = port != null && ui.call(port::getEditable);
        String newPort = "2626";
        if (editable) {
            ui.run(() -> port.setText(newPort));
        }
        screenshot(ui, dialog, "preferences");
        boolean languagePage = ui.call(() -> {
            org.eclipse.swt.widgets.Tree tree = Ui.all(dialog, org.eclipse.swt.widgets.Tree.class).stream().findFirst().orElse(null);
            if (tree == null || tree.getItemCount() < 2) {
                return false;
            }
            tree.setSelection(tree.getItem(1));
            tree.notifyListeners(SWT.Selection, new Event());
            return true;
        });
        report.check(languagePage, "Preferences have a second (Language) page", "no page tree");
        Thread.sleep(800);
        screenshot(ui, dialog, "preferences-language");
        if (!editable) {
            report.note("site configuration is read-only for " + settings.username() + "; nothing saved");
            ui.run(dialog::close);
            return;
        }
        Button ok = ui.call(() -> Ui.all(dialog, Button.class).stream()
                .filter(button -> Integer.valueOf(org.eclipse.jface.dialogs.IDialogConstants.OK_ID).equals(button.getData()))
                .findFirst().orElse(null));
        if (ok == null) {
            report.fail("Preferences dialog has no OK button");
            ui.run(dialog::close);
            return;
        }
        Path config = Path.of(System.getProperty("renkei.home", ""), "renkei.properties");
        java.util.Properties before = readProperties(config);
        ui.press(ok);
        try {
            Shell saved = ui.await("confirmation that the configuration was saved", Duration.ofSeconds(20), () -> Arrays
                    .stream(ui.display().getShells()).filter(shell -> shell.isVisible() && shell.getParent() == main
                            && !"renkei.preferences".equals(shell.getData(Ui.WIDGET_ID_KEY)))
                    .findFirst().orElse(null));
            java.util.Properties stored = readProperties(config);
            report.check(newPort.equals(stored.getProperty("mail.smtp.port")), "Preferences saved mail.smtp.port to " + config,
                    "file has mail.smtp.port=" + stored.getProperty("mail.smtp.port"));
            stored.remove("mail.smtp.port");
            before.remove("mail.smtp.port");
            report.check(stored.equals(before), "every other key of renkei.properties kept", "was " + before + ", is " + stored);
            screenshot(ui, saved, "preferences-saved");
            ui.run(saved::close);
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail(e.getMessage());
        }
    }

    private static java.util.Properties readProperties(Path file) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** Something logged to the platform log appears in the Error Log part. */
    private void checkErrorLog(Ui ui, Shell main) throws Exception {
        String message = "UI test warning " + java.util.UUID.randomUUID();
        org.eclipse.core.runtime.ILog.of(context.getBundle())
                .log(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.WARNING, "renkei.app.uitest", message));
        showPart(ui, main, ERROR_LOG_PART, null);
        try {
            ui.await("logged warning in the Error Log", Duration.ofSeconds(10), () -> {
                Table table = Ui.find(main, "renkei.errorlog.table", Table.class);
                return table != null && Arrays.stream(table.getItems()).anyMatch(item -> item.getText(3).equals(message)) ? table
                        : null;
            });
            report.pass("Error Log shows what is logged to the platform log");
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail(e.getMessage());
        }
        screenshot(ui, main, "errorlog");
    }

    /** Help > About through its command: a dialog opens over the main window and is closed again. */
    private void checkAbout(Ui ui, Shell main) throws Exception {
        execute(ui, main, "renkei.app.command.about");
        try {
            Shell about = ui.await("About dialog", Duration.ofSeconds(10), () -> Arrays.stream(ui.display().getShells())
                    .filter(shell -> shell != main && shell.isVisible() && shell.getParent() == main).findFirst().orElse(null));
            report.pass("About dialog shown: " + ui.call(about::getText));
            if (settings.connected()) {
                List<String> lines = ui.call(() -> Ui.all(about, Label.class).stream().map(Label::getText).toList());
                report.check(lines.stream().anyMatch(text -> text.contains(settings.serverUrl())), "About names the server "
                        + settings.serverUrl(), "says " + lines);
            }
            Thread.sleep(500);
            screenshot(ui, about, "about");
            ui.run(about::close);
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail(e.getMessage());
        }
    }

    /** Runs a command's handler as a menu item would, without blocking on dialogs it opens. */
    void execute(Ui ui, Shell main, String commandId) {
        ui.display().asyncExec(() -> {
            MWindow window = (MWindow) main.getData(OWNING_MODEL_ELEMENT);
            org.eclipse.e4.core.commands.ECommandService commands = window.getContext()
                    .get(org.eclipse.e4.core.commands.ECommandService.class);
            org.eclipse.e4.core.commands.EHandlerService handlers = window.getContext()
                    .get(org.eclipse.e4.core.commands.EHandlerService.class);
            handlers.executeHandler(commands.createCommand(commandId, null));
        });
    }

    /** The state of a Progress row, read from the console's row object without depending on its classes. */
    private static String jobState(Object row) {
        try {
            return String.valueOf(row.getClass().getMethod("state").invoke(row));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    /** Shows a part as an operator would (the navigator for modules) and takes a screenshot. */
    void showPart(Ui ui, Shell main, String partId, String screenshotName) throws Exception {
        Optional<MPart> part = ui.call(() -> {
            MWindow window = (MWindow) main.getData(OWNING_MODEL_ELEMENT);
            EModelService models = window.getContext().get(EModelService.class);
            return Optional.ofNullable(models.find(partId, window)).filter(MPart.class::isInstance).map(MPart.class::cast);
        });
        if (part.isEmpty()) {
            report.fail("part " + partId + " not in the model");
            return;
        }
        boolean viaNavigator = ui.call(() -> {
            Table navigator = Ui.find(main, "renkei.navigator.list", Table.class);
            for (int i = 0; navigator != null && i < navigator.getItemCount(); i++) {
                if (navigator.getItem(i).getData() == part.get()) {
                    navigator.setSelection(i);
                    Event event = new Event();
                    event.item = navigator.getItem(i);
                    navigator.notifyListeners(SWT.Selection, event);
                    return true;
                }
            }
            MWindow window = (MWindow) main.getData(OWNING_MODEL_ELEMENT);
            window.getContext().get(EPartService.class).showPart(part.get(), EPartService.PartState.ACTIVATE);
            return false;
        });
        try {
            ui.await(partId + " shown", Duration.ofSeconds(15), () -> part.get().getWidget() instanceof Control control
                    && control.isVisible() ? control : null);
            report.pass("part " + partId + " shown" + (viaNavigator ? " by selecting it in the navigator" : ""));
        } catch (java.util.concurrent.TimeoutException e) {
            report.fail(e.getMessage());
        }
        if (screenshotName != null) {
            Thread.sleep(2500);
            screenshot(ui, main, screenshotName);
        }
    }

    /**
     * In the Japanese run, every one of {@code texts} (titles, headers, button labels: words meant
     * to be translated) must contain Japanese; in the English run nothing is checked.
     */
    void checkTranslated(String what, List<String> texts) {
        if (!settings.expectJapanese()) {
            return;
        }
        List<String> english = texts.stream().filter(text -> text == null || text.chars().allMatch(c -> c < 0x80)).toList();
        report.check(english.isEmpty(), what + " is Japanese: " + texts, "still English: " + english);
    }

    /** Where screenshots and the report go; checks may leave input files they used there too. */
    Path output() {
        return output;
    }

    Settings settings() {
        return settings;
    }

    /** The TOTP step the login's code belonged to, or -1 when the login asked for none. */
    long loginTotpStep() {
        return loginTotpStep;
    }

    void screenshot(Ui ui, Shell shell, String name) {
        Path file = output.resolve(name + settings.suffix() + ".png");
        try {
            ui.screenshot(shell, file);
            report.note("screenshot " + file);
        } catch (Exception e) {
            report.note("screenshot " + file + " failed: " + e);
        }
    }

    private void describeLoginDialog(Ui ui) {
        try {
            String texts = ui.call(() -> {
                Shell login = ui.shell("renkei.login");
                if (login == null) {
                    return "login dialog closed";
                }
                List<String> found = new ArrayList<>();
                Ui.all(login, Label.class).forEach(label -> found.add(label.getText()));
                Ui.all(login, Text.class).stream().filter(text -> (text.getStyle() & SWT.READ_ONLY) != 0)
                        .forEach(text -> found.add(text.getText()));
                return "login dialog says: " + found;
            });
            report.note(texts);
            Shell login = ui.call(() -> ui.shell("renkei.login"));
            if (login != null) {
                screenshot(ui, login, "login-failed");
            }
        } catch (RuntimeException e) {
            report.note("cannot read the login dialog: " + e);
        }
    }

    private void close(Ui ui) {
        if (ui == null || ui.display().isDisposed()) {
            System.exit(report.passed() ? 0 : 1);
            return;
        }
        try {
            ui.display().asyncExec(() -> {
                for (Shell shell : ui.display().getShells()) {
                    if (shell.getData(OWNING_MODEL_ELEMENT) instanceof MWindow window) {
                        window.getContext().get(IWorkbench.class).close();
                        return;
                    }
                }
                // Still at the login dialog: closing it quits the console.
                Shell login = ui.shell("renkei.login");
                if (login != null) {
                    login.close();
                }
            });
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("[uitest] console did not close within 20 s; exiting");
        System.exit(report.passed() ? 0 : 1);
    }
}
