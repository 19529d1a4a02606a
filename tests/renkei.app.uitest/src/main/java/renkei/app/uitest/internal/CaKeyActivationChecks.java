// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The CA key's dual control through the console. {@link #checkDialog()} opens the two-operator
 * activation dialog and cancels it (screenshot {@code ca-activate}). {@link #run()}, for a CA
 * operator after every other CA check, deactivates the key with a reason, expects the Signing key
 * part to say so and "Issue CRL now" to be refused, then activates it again with the logged-in
 * operator and the second one (password and a fresh TOTP code each), and expects the key active,
 * activated by both, and a CRL to be signed again. Screenshots {@code ca-key-deactivated} and
 * {@code ca-key-reactivated}. Runs on the test thread.
 */
final class CaKeyActivationChecks {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Typing four fields takes a few seconds; a code about to expire is not worth starting with. */
    private static final int MIN_SECONDS_LEFT = 8;

    private final ConsoleUiTest test;
    private final Report report;
    private final Ui ui;
    private final Shell main;

    CaKeyActivationChecks(ConsoleUiTest test, Report report, Ui ui, Shell main) {
        this.test = test;
        this.report = report;
        this.ui = ui;
        this.main = main;
    }

    /** With the Signing key part showing: the dialog asks each operator for user, password and code. */
    void checkDialog() throws Exception {
        Shell dialog = openDialog();
        if (dialog == null) {
            return;
        }
        try {
            int fields = ui.call(() -> {
                int found = 0;
                for (String kind : new String[] { "user", "password", "totp" }) {
                    for (int i = 1; i <= 2; i++) {
                        found += Ui.find(dialog, "renkei.ca.activate." + kind + "." + i, Text.class) != null ? 1 : 0;
                    }
                }
                return found;
            });
            int periods = ui.call(() -> Ui.find(dialog, "renkei.ca.activate.period", Combo.class).getItemCount());
            boolean masked = ui.call(() -> (Ui.find(dialog, "renkei.ca.activate.password.1", Text.class).getStyle() & SWT.PASSWORD) != 0);
            report.check(fields == 6 && periods > 0 && masked,
                    "activation dialog asks two operators for user, password and TOTP code, and a period (" + periods + " offered)",
                    fields + " fields, " + periods + " periods, password masked " + masked);
            List<String> words = ui.call(() -> {
                List<String> found = new java.util.ArrayList<>();
                found.add(dialog.getText());
                Ui.all(dialog, Group.class).forEach(group -> found.add(group.getText()));
                return found;
            });
            test.checkTranslated("activation dialog title and groups", words);
            Thread.sleep(300);
            test.screenshot(ui, dialog, "ca-activate");
        } finally {
            ui.run(dialog::close);
        }
    }

    void run() throws Exception {
        test.showPart(ui, main, CaConsoleChecks.KEY_PART, null);
        String active = ui.call(() -> text("renkei.ca.key.state"));
        String until = ui.call(() -> text("renkei.ca.key.activeUntil"));
        if (!deactivate(active, until)) {
            return;
        }
        Thread.sleep(500);
        test.screenshot(ui, main, "ca-key-deactivated");
        String number = issueCrl(false);
        test.showPart(ui, main, CaConsoleChecks.KEY_PART, null);
        if (activate(active, until)) {
            Thread.sleep(500);
            test.screenshot(ui, main, "ca-key-reactivated");
            String after = issueCrl(true);
            report.check(number != null && after != null && Long.parseLong(after) == Long.parseLong(number) + 1,
                    "after the activation a CRL is signed again: number " + number + " -> " + after, "number " + after);
        }
    }

    private boolean deactivate(String active, String until) throws Exception {
        Text reason = ui.call(() -> Ui.find(main, "renkei.ca.key.reason", Text.class));
        Button deactivate = ui.call(() -> Ui.find(main, "renkei.ca.key.deactivate", Button.class));
        if (reason == null || deactivate == null || !ui.call(deactivate::isEnabled)) {
            report.fail("Signing key part has no enabled Deactivate button and reason field; state '" + active + "'");
            return false;
        }
        ui.type(reason, "UI test: end of shift");
        ui.pressLater(deactivate);
        try {
            Shell confirm = ui.await("deactivation confirmation", WAIT, () -> ui.dialogOver(main));
            test.checkTranslated("deactivation confirmation", List.of(ui.call(confirm::getText)));
            ui.press(ui.call(() -> Ui.dialogButton(confirm, 0)));
            String inactive = ui.await("key shown inactive", WAIT, () -> {
                String state = text("renkei.ca.key.state");
                Button button = Ui.find(main, "renkei.ca.key.deactivate", Button.class);
                return !state.equals(active) && !button.isEnabled() && !text("renkei.ca.key.feedback").isBlank()
                        && !text("renkei.ca.key.activeUntil").equals(until) ? state : null;
            });
            report.pass("deactivated from the Signing key part, which now says: " + inactive + " ("
                    + ui.call(() -> text("renkei.ca.key.feedback")) + ")");
            return true;
        } catch (TimeoutException e) {
            report.fail(e.getMessage() + "; the part says " + ui.call(() -> text("renkei.ca.key.feedback")));
            return false;
        }
    }

    /**
     * Presses "Issue CRL now" and returns the CRL number shown afterwards; it must be refused while
     * the key is inactive (number unchanged) and succeed once it is active.
     */
    private String issueCrl(boolean expectIssued) throws Exception {
        test.showPart(ui, main, CaConsoleChecks.CRL_PART, null);
        String before = ui.call(() -> text("renkei.ca.crl.number"));
        Button issue = ui.call(() -> Ui.find(main, "renkei.ca.crl.issueNow", Button.class));
        if (issue == null || !ui.call(issue::isEnabled)) {
            report.fail("Issue CRL now is missing or disabled");
            return null;
        }
        String issuing = ui.call(() -> {
            issue.notifyListeners(SWT.Selection, new Event());
            return text("renkei.ca.crl.feedback");
        });
        try {
            String outcome = ui.await("outcome of Issue CRL now", WAIT, () -> {
                String text = text("renkei.ca.crl.feedback");
                return !text.isBlank() && !text.equals(issuing) && issue.isEnabled() ? text : null;
            });
            String after = ui.call(() -> text("renkei.ca.crl.number"));
            if (expectIssued) {
                report.check(!after.equals(before), "Issue CRL now signs a CRL with the key active: " + outcome, "number still " + after);
            } else {
                // The CA core's refusal in the console's language (renkei.ca.core messages, key.notActivated).
                String refusal = test.settings().expectJapanese() ? "CA 鍵が活性化されていません" : "The CA key is not activated";
                report.check(after.equals(before) && outcome.contains(refusal),
                        "Issue CRL now is refused while the key is inactive, in the console's language: " + outcome,
                        "CRL " + before + " -> " + after + ", refusal without '" + refusal + "'");
                Thread.sleep(300);
                test.screenshot(ui, main, "ca-crl-refused");
            }
            return after;
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return null;
        }
    }

    /** The new activation must show its own end, not the demo's ({@code until}). */
    private boolean activate(String active, String until) throws Exception {
        ConsoleUiTest.Settings settings = test.settings();
        if (settings.secondUser().isEmpty() || settings.secondTotpSecret().isEmpty()) {
            report.fail("no second CA operator to activate the key with (renkei.uitest.secondUser)");
            return false;
        }
        Shell dialog = openDialog();
        if (dialog == null) {
            return false;
        }
        Instant now = awaitFreshStep();
        fill(dialog, 1, settings.username(), settings.password(), Totp.code(settings.totpSecret(), now));
        fill(dialog, 2, settings.secondUser(), settings.secondPassword(), Totp.code(settings.secondTotpSecret(), now));
        String period = ui.call(() -> {
            Combo combo = Ui.find(dialog, "renkei.ca.activate.period", Combo.class);
            combo.select(0);
            combo.notifyListeners(SWT.Selection, new Event());
            return combo.getText();
        });
        test.screenshot(ui, dialog, "ca-activate-filled");
        ui.press(ui.call(() -> Ui.dialogButton(dialog, IDialogConstants.OK_ID)));
        String running = ui.call(() -> dialog.isDisposed() ? "" : Ui.find(dialog, "renkei.ca.activate.problem", Label.class).getText());
        try {
            String refusal = ui.await("activation outcome", WAIT, () -> {
                if (dialog.isDisposed()) {
                    return "";
                }
                String problem = Ui.find(dialog, "renkei.ca.activate.problem", Label.class).getText();
                return !problem.isBlank() && !problem.equals(running) ? problem : null;
            });
            if (!refusal.isEmpty()) {
                report.fail("activation refused: " + refusal);
                test.screenshot(ui, dialog, "ca-activate-refused");
                ui.run(dialog::close);
                return false;
            }
            String state = ui.await("key shown active again", WAIT, () -> text("renkei.ca.key.state").equals(active)
                    ? text("renkei.ca.key.state") : null);
            String by = ui.call(() -> text("renkei.ca.key.activatedBy"));
            String newUntil = ui.call(() -> text("renkei.ca.key.activeUntil"));
            report.check(by.contains(settings.username()) && by.contains(settings.secondUser()) && !newUntil.equals(until),
                    "activated for " + period + " by two operators through the dialog; the part says: " + state + ", by " + by
                            + ", until " + newUntil,
                    "activated by '" + by + "' until '" + newUntil + "' (before: '" + until + "')");
            return true;
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return false;
        }
    }

    /**
     * Waits for a TOTP step after the one the login used (the identity service accepts a code
     * once per operator and step) with enough of it left to type both operators' fields.
     */
    private Instant awaitFreshStep() throws InterruptedException {
        while (true) {
            Instant now = Instant.now();
            if (Totp.step(now) > test.loginTotpStep() && Totp.secondsLeft(now) >= MIN_SECONDS_LEFT) {
                return now;
            }
            Thread.sleep(500);
        }
    }

    private void fill(Shell dialog, int operator, String user, String password, String code) throws InterruptedException {
        for (String[] field : new String[][] { { "user", user }, { "password", password }, { "totp", code } }) {
            Text text = ui.call(() -> Ui.find(dialog, "renkei.ca.activate." + field[0] + "." + operator, Text.class));
            ui.type(text, field[1]);
        }
    }

    private Shell openDialog() throws Exception {
        Button activate = ui.call(() -> Ui.find(main, "renkei.ca.key.activate", Button.class));
        if (activate == null || !ui.call(activate::isEnabled)) {
            report.fail("Signing key part has no enabled Activate... button");
            return null;
        }
        ui.pressLater(activate);
        try {
            return ui.await("activation dialog", WAIT, () -> ui.shell("renkei.ca.activate"));
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return null;
        }
    }

    /** The text of the label named {@code id} in the main window, or "". UI thread. */
    private String text(String id) {
        Label label = Ui.find(main, id, Label.class);
        return label == null ? "" : label.getText();
    }
}
