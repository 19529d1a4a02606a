// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/**
 * The CA parts of {@code renkei.ca.ui} against the demo CA: the certificate browser lists the demo
 * certificates, a CN search narrows them, a selected certificate is shown decoded (fingerprint
 * included), the CRL part shows the CRL number and nextUpdate; a CA operator also sees the revoke
 * preview (cancelled, nothing revoked). Screenshots {@code ca-browser}, {@code ca-detail},
 * {@code ca-crl}, {@code ca-key} and {@code ca-revoke}; the Issue dialog and License IDs part
 * ({@link CaIssueChecks}), the Grid-mapfile part and its import ({@link CaGridMapChecks}) and the
 * activation dialog ({@link CaKeyActivationChecks}) follow. Nothing here changes the CA's data.
 * Runs on the test thread like {@link ConsoleUiTest}, which it belongs to.
 */
final class CaConsoleChecks {

    static final String CERTIFICATES_PART = "renkei.ca.ui.part.certificates";
    static final String CRL_PART = "renkei.ca.ui.part.crl";
    static final String KEY_PART = "renkei.ca.ui.part.key";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ConsoleUiTest test;
    private final Report report;
    private final Ui ui;
    private final Shell main;

    CaConsoleChecks(ConsoleUiTest test, Report report, Ui ui, Shell main) {
        this.test = test;
        this.report = report;
        this.ui = ui;
        this.main = main;
    }

    void run(boolean caOperator) throws Exception {
        test.showPart(ui, main, CERTIFICATES_PART, null);
        Table table = ui.call(() -> Ui.find(main, "renkei.ca.certificates.table", Table.class));
        if (!report.check(table != null, "CA certificate browser shows its table", "no renkei.ca.certificates.table")) {
            return;
        }
        String first = awaitSearch("initial search");
        int rows = ui.call(table::getItemCount);
        if (report.check(rows > 0, "certificate browser lists the demo CA's certificates (" + first + ")",
                "none listed; the demo home needs a CA with issued certificates (releng/renkei demo init)")) {
            searchByCn(table);
            test.screenshot(ui, main, "ca-browser");
            checkDetail(table);
            if (caOperator) {
                checkRevokePreview(table);
            }
        } else {
            test.screenshot(ui, main, "ca-browser");
        }
        CaIssueChecks issuance = new CaIssueChecks(test, report, ui, main);
        issuance.checkIssueDialog();
        checkCrl();
        issuance.checkLicenses();
        new CaGridMapChecks(test, report, ui, main, test.output()).run();
        test.showPart(ui, main, KEY_PART, null);
        try {
            String state = ui.await("CA key state", WAIT, () -> {
                Label label = Ui.find(main, "renkei.ca.key.state", Label.class);
                return label != null && !label.getText().isBlank() ? label.getText() : null;
            });
            report.pass("CA key part shows the key state: " + state);
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
        }
        Thread.sleep(800);
        test.screenshot(ui, main, "ca-key");
        new CaKeyActivationChecks(test, report, ui, main).checkDialog();
    }

    /** Waits until the summary no longer says it is searching ("...") and returns what it says. */
    private String awaitSearch(String what) throws Exception {
        try {
            String summary = ui.await(what, WAIT, () -> {
                Label label = Ui.find(main, "renkei.ca.search.summary", Label.class);
                String text = label == null ? "" : label.getText();
                return !text.isBlank() && !text.endsWith("...") ? text : null;
            });
            report.note(what + ": " + summary);
            return summary;
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return "";
        }
    }

    /** Types part of the first row's CN into the CN field and searches; every row must match. */
    private void searchByCn(Table table) throws Exception {
        String cn = ui.call(() -> table.getItem(0).getText(1));
        String fragment = cn.length() > 6 ? cn.substring(0, 6) : cn;
        Text field = ui.call(() -> Ui.find(main, "renkei.ca.search.cn", Text.class));
        Button search = ui.call(() -> Ui.find(main, "renkei.ca.search.run", Button.class));
        if (field == null || search == null) {
            report.fail("certificate browser has no CN field or Search button");
            return;
        }
        boolean typed = ui.type(field, fragment);
        ui.press(search);
        String summary = awaitSearch("search CN '" + fragment + "'" + (typed ? "" : " (text set directly)"));
        List<String> names = ui.call(() -> Arrays.stream(table.getItems()).map(item -> item.getText(1)).toList());
        report.check(!names.isEmpty() && names.stream()
                .allMatch(name -> name.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))),
                "CN search '" + fragment + "' lists only matching certificates: " + summary, "listed " + names);
        Thread.sleep(800);
    }

    private void checkDetail(Table table) throws Exception {
        ui.run(() -> {
            table.setSelection(0);
            Event event = new Event();
            event.item = table.getItem(0);
            table.notifyListeners(SWT.Selection, event);
        });
        try {
            List<String> fields = ui.await("decoded certificate detail", WAIT, () -> {
                Table detail = Ui.find(main, "renkei.ca.detail.table", Table.class);
                if (detail == null || detail.getItemCount() < 10) {
                    return null;
                }
                return Arrays.stream(detail.getItems()).map(item -> item.getText(0) + "=" + item.getText(1)).toList();
            });
            boolean fingerprint = fields.stream().anyMatch(line -> line.contains("SHA-256") && line.matches(".*([0-9A-F]{2}:){31}[0-9A-F]{2}.*"));
            boolean keyUsage = fields.stream().anyMatch(line -> line.startsWith("keyUsage") && line.contains("digitalSignature"));
            report.check(fingerprint && keyUsage, "certificate detail decodes key usage and the SHA-256 fingerprint ("
                    + fields.size() + " rows)", "rows " + fields);
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
        }
        Thread.sleep(500);
        test.screenshot(ui, main, "ca-detail");
    }

    /**
     * Clears the search, selects the first certificate that can be revoked (the demo's newest is
     * revoked already), opens the revoke dialog, looks at the preview and cancels.
     */
    private void checkRevokePreview(Table table) throws Exception {
        Button clear = ui.call(() -> Ui.find(main, "renkei.ca.search.clear", Button.class));
        Button revoke = ui.call(() -> Ui.find(main, "renkei.ca.certificates.revoke", Button.class));
        if (clear == null || revoke == null) {
            report.fail("certificate browser has no Clear or Revoke... button");
            return;
        }
        ui.press(clear);
        awaitSearch("search cleared");
        boolean found = ui.call(() -> {
            for (int i = 0; i < table.getItemCount(); i++) {
                table.setSelection(i);
                Event event = new Event();
                event.item = table.getItem(i);
                table.notifyListeners(SWT.Selection, event);
                if (revoke.isEnabled()) {
                    return true;
                }
            }
            return false;
        });
        if (!report.check(found, "certificate browser offers Revoke... for a valid certificate", "no row enables it")) {
            return;
        }
        ui.press(revoke);
        try {
            Shell dialog = ui.await("revoke dialog", WAIT, () -> ui.shell("renkei.ca.revoke"));
            Thread.sleep(800);
            int combos = ui.call(() -> Ui.all(dialog, org.eclipse.swt.widgets.Combo.class).size());
            report.check(combos == 1, "revoke dialog shows the preview and a reason choice: " + ui.call(dialog::getText),
                    combos + " reason combos");
            // The subject as the detail view shows it: the slash form, not RFC 4514's commas.
            List<String> subjects = ui.call(() -> Ui.all(dialog, Text.class).stream().map(Text::getText)
                    .filter(text -> text.contains("CN=") && !text.startsWith("\"")).toList()); // grid-map lines start with a quote
            report.check(!subjects.isEmpty() && subjects.stream().allMatch(s -> s.startsWith("/") && !s.contains(",")),
                    "revoke dialog shows the subject in the slash form: " + subjects, "subjects " + subjects);
            test.screenshot(ui, dialog, "ca-revoke");
            ui.run(dialog::close);
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
        }
    }

    private void checkCrl() throws Exception {
        test.showPart(ui, main, CRL_PART, null);
        try {
            String number = ui.await("CRL number", WAIT, () -> {
                Label label = Ui.find(main, "renkei.ca.crl.number", Label.class);
                Label state = Ui.find(main, "renkei.ca.crl.state", Label.class);
                return label != null && label.getText().matches("\\d+") && state != null && !state.getText().isBlank()
                        ? label.getText() + " (" + state.getText() + ")" : null;
            });
            String next = ui.call(() -> Ui.find(main, "renkei.ca.crl.nextUpdate", Label.class).getText().replace('\n', ' '));
            report.pass("CRL part shows CRL number " + number + ", next update " + next);
        } catch (TimeoutException e) {
            report.fail(e.getMessage() + ": the demo CA should have issued a CRL");
        }
        Thread.sleep(800);
        test.screenshot(ui, main, "ca-crl");
    }
}
