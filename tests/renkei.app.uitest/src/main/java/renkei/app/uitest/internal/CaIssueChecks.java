// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/**
 * The CA's issuance screens: the Issue dialog on each of its tabs (license ID attributes, redeem
 * with a CSR or a generated key, host/service certificate from a CSR; nothing is issued, but a
 * request without a CSR must be refused in the dialog) and the License IDs part, which must list
 * the demo's unused license. Screenshots {@code ca-issue-license}, {@code ca-issue-redeem},
 * {@code ca-issue-host} and {@code ca-licenses}. Runs on the test thread.
 */
final class CaIssueChecks {

    static final String LICENSES_PART = "renkei.ca.ui.part.licenses";

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The IdP attributes the license tab asks for, by LDAP name. */
    private static final List<String> ATTRIBUTES = List.of("givenName", "sn", "hpciId", "eduPersonPrincipalName",
            "eduPersonEntitlement");

    private final ConsoleUiTest test;
    private final Report report;
    private final Ui ui;
    private final Shell main;

    CaIssueChecks(ConsoleUiTest test, Report report, Ui ui, Shell main) {
        this.test = test;
        this.report = report;
        this.ui = ui;
        this.main = main;
    }

    /** Opens the Issue dialog from the certificate browser, which must be showing. */
    void checkIssueDialog() throws Exception {
        Button issue = ui.call(() -> Ui.find(main, "renkei.ca.certificates.issue", Button.class));
        if (issue == null) {
            report.fail("certificate browser has no Issue button");
            return;
        }
        ui.pressLater(issue);
        Shell dialog;
        try {
            dialog = ui.await("Issue dialog", WAIT, () -> ui.shell("renkei.ca.issue"));
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return;
        }
        try {
            TabFolder tabs = ui.call(() -> Ui.find(dialog, "renkei.ca.issue.tabs", TabFolder.class));
            List<String> titles = ui.call(() -> Arrays.stream(tabs.getItems()).map(TabItem::getText).toList());
            report.check(titles.size() == 3, "Issue dialog has the license, redeem and host/service tabs: " + titles,
                    titles.size() + " tabs");
            List<String> words = new ArrayList<>(titles);
            words.add(ui.call(dialog::getText));
            test.checkTranslated("Issue dialog title and tabs", words);
            licenseTab(dialog, tabs);
            redeemTab(dialog, tabs);
            hostTab(dialog, tabs);
        } finally {
            ui.run(dialog::close);
        }
    }

    private void licenseTab(Shell dialog, TabFolder tabs) throws Exception {
        Composite page = show(tabs, 0);
        List<String> labels = ui.call(() -> Ui.all(page, Label.class).stream().map(Label::getText).toList());
        int fields = ui.call(() -> (int) Ui.all(page, Text.class).stream().filter(t -> (t.getStyle() & SWT.READ_ONLY) == 0).count());
        report.check(labels.containsAll(ATTRIBUTES) && fields == ATTRIBUTES.size(),
                "Issue dialog's license tab asks for the IdP attributes " + ATTRIBUTES, "labels " + labels + ", " + fields + " fields");
        test.screenshot(ui, dialog, "ca-issue-license");
    }

    private void redeemTab(Shell dialog, TabFolder tabs) throws Exception {
        Composite page = show(tabs, 1);
        Button withCsr = ui.call(() -> Ui.find(page, "renkei.ca.issue.withCsr", Button.class));
        Button withKeygen = ui.call(() -> Ui.find(page, "renkei.ca.issue.withKeygen", Button.class));
        if (withCsr == null || withKeygen == null) {
            report.fail("redeem tab has no CSR / key generation choice");
            return;
        }
        boolean csrMode = ui.call(() -> withCsr.getSelection() && passwordsEnabled(page) == 0);
        ui.run(() -> Ui.choose(withKeygen));
        boolean keygenMode = ui.call(() -> passwordsEnabled(page) == 2);
        ui.run(() -> Ui.choose(withCsr));
        report.check(csrMode && keygenMode, "redeem tab: the passphrase fields are enabled only for key generation",
                "CSR mode ok " + csrMode + ", key generation mode ok " + keygenMode);
        test.screenshot(ui, dialog, "ca-issue-redeem");
    }

    private static long passwordsEnabled(Composite page) {
        return Ui.all(page, Text.class).stream().filter(t -> (t.getStyle() & SWT.PASSWORD) != 0 && t.isEnabled()).count();
    }

    /** Pressing Issue without a CSR must be refused in the dialog, in the dialog's language. */
    private void hostTab(Shell dialog, TabFolder tabs) throws Exception {
        Composite page = show(tabs, 2);
        List<String> profiles = ui.call(() -> Ui.all(page, Combo.class).stream().flatMap(c -> Arrays.stream(c.getItems())).toList());
        report.check(profiles.size() == 2, "host/service tab offers the profiles " + profiles, "offers " + profiles);
        Button issue = ui.call(() -> Ui.find(page, "renkei.ca.issue.direct", Button.class));
        Label outcome = ui.call(() -> Ui.find(dialog, "renkei.ca.issue.outcome", Label.class));
        String before = ui.call(outcome::getText);
        ui.press(issue);
        try {
            String refusal = ui.await("refusal of an issue without CSR", WAIT, () -> {
                String text = outcome.getText();
                return !text.isBlank() && !text.equals(before) ? text : null;
            });
            report.pass("host/service tab refuses to issue without a CSR: " + refusal);
            test.checkTranslated("the refusal", List.of(refusal));
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
        }
        Thread.sleep(300);
        test.screenshot(ui, dialog, "ca-issue-host");
        report.check(ui.call(() -> Ui.dialogButton(dialog, IDialogConstants.CLOSE_ID) != null), "Issue dialog has a Close button",
                "none");
    }

    private Composite show(TabFolder tabs, int index) throws InterruptedException {
        Composite page = ui.call(() -> {
            tabs.setSelection(index);
            Control control = tabs.getItem(index).getControl();
            return (Composite) control;
        });
        Thread.sleep(400);
        return page;
    }

    /** The License IDs part lists the demo's unused license ID with its state. */
    void checkLicenses() throws Exception {
        test.showPart(ui, main, LICENSES_PART, null);
        String expected = test.settings().demoLicense();
        try {
            List<String> rows = ui.await("license list", WAIT, () -> {
                Table table = Ui.find(main, "renkei.ca.licenses.table", Table.class);
                Label summary = Ui.find(main, "renkei.ca.licenses.summary", Label.class);
                if (table == null || table.getItemCount() == 0 || summary == null || summary.getText().endsWith("...")) {
                    return null;
                }
                return Arrays.stream(table.getItems()).map(item -> item.getText(0) + " | " + item.getText(1)).toList();
            });
            String unused = ui.call(() -> {
                Table table = Ui.find(main, "renkei.ca.licenses.table", Table.class);
                return Arrays.stream(table.getItems()).filter(item -> item.getText(1).equals(expected)).map(item -> item.getText(0))
                        .findFirst().orElse(null);
            });
            report.check(!expected.isEmpty() && unused != null && !unused.isBlank(), "License IDs part lists the demo's unused license " + expected
                    + " as '" + unused + "' (" + rows.size() + " rows)", "rows " + rows);
            List<String> headers = ui.call(() -> Arrays.stream(Ui.find(main, "renkei.ca.licenses.table", Table.class).getColumns())
                    .map(org.eclipse.swt.widgets.TableColumn::getText).toList());
            test.checkTranslated("License IDs column headers", headers.stream().filter(h -> !h.equals("ePPN") && !h.equals("HPCI-ID"))
                    .toList());
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
        }
        Thread.sleep(600);
        test.screenshot(ui, main, "ca-licenses");
    }
}
