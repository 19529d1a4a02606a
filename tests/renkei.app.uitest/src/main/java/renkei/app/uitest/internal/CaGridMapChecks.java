// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/**
 * The Grid-mapfile part against the demo's mapping: the table lists it, the preview is a Globus
 * grid-mapfile (comments, quoted DN) and the diff against the published file says "no changes" or
 * lists lines; then the import dialog's dry run of a file with a duplicate DN and an unknown
 * account, which must report both conflicts and offer nothing to apply (cancelled, nothing stored).
 * Screenshots {@code ca-gridmap} and {@code ca-gridmap-import}. Runs on the test thread.
 */
final class CaGridMapChecks {

    static final String GRIDMAP_PART = "renkei.ca.ui.part.gridmap";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DUPLICATE_DN = "/C=JP/O=HPCI/OU=UI test/CN=Duplicate Entry";
    private static final String UNKNOWN_ACCOUNT = "no-such-account-uitest";

    private final ConsoleUiTest test;
    private final Report report;
    private final Ui ui;
    private final Shell main;
    private final Path output;

    CaGridMapChecks(ConsoleUiTest test, Report report, Ui ui, Shell main, Path output) {
        this.test = test;
        this.report = report;
        this.ui = ui;
        this.main = main;
        this.output = output;
    }

    void run() throws Exception {
        test.showPart(ui, main, GRIDMAP_PART, null);
        String preview;
        try {
            preview = ui.await("grid-mapfile preview", WAIT, () -> {
                Table table = Ui.find(main, "renkei.ca.gridmap.table", Table.class);
                Text text = Ui.find(main, "renkei.ca.gridmap.preview", Text.class);
                return table != null && table.getItemCount() > 0 && text != null && !text.getText().isBlank() ? text.getText() : null;
            });
        } catch (TimeoutException e) {
            report.fail(e.getMessage() + ": the demo has one grid-map entry");
            test.screenshot(ui, main, "ca-gridmap");
            return;
        }
        List<String> lines = preview.lines().toList();
        List<String> entries = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        report.check(lines.get(0).startsWith("#") && !entries.isEmpty() && entries.stream().allMatch(line -> line.matches("\"/[^\"]+\" \\S+")),
                "grid-mapfile preview starts with a comment and maps quoted DNs: " + entries, "preview " + lines);
        String diff = ui.call(() -> Ui.find(main, "renkei.ca.gridmap.diff", Text.class).getText());
        List<String> diffLines = diff.lines().toList();
        boolean lists = !diffLines.isEmpty() && diffLines.stream().allMatch(line -> line.startsWith("+") || line.startsWith("-")
                || line.startsWith("@") || line.startsWith(" "));
        boolean noChanges = diffLines.size() == 1 && !diffLines.get(0).startsWith("+") && !diffLines.get(0).startsWith("-");
        report.check(lists || noChanges, "grid-mapfile diff against the published file: " + diffLines, "neither lines nor a sentence");
        String summary = ui.call(() -> Ui.find(main, "renkei.ca.gridmap.summary", Label.class).getText());
        report.note("grid-mapfile summary: " + summary);
        Thread.sleep(600);
        test.screenshot(ui, main, "ca-gridmap");
        checkImport(preview);
    }

    /** A file that keeps what is published and adds two conflicting kinds of line. */
    private void checkImport(String published) throws Exception {
        Path file = output.resolve("gridmap-import" + test.settings().suffix() + ".txt");
        Files.writeString(file, published + "\"" + DUPLICATE_DN + "\" demo1\n\"" + DUPLICATE_DN + "\" demo2\n"
                + "\"/C=JP/O=HPCI/OU=UI test/CN=Unknown Account\" " + UNKNOWN_ACCOUNT + "\n", StandardCharsets.UTF_8);
        Optional<Object> part = ui.call(() -> {
            MWindow window = (MWindow) main.getData("modelElement");
            MPart found = (MPart) window.getContext().get(EModelService.class).find(GRIDMAP_PART, window);
            return Optional.ofNullable(found == null ? null : found.getObject());
        });
        if (part.isEmpty()) {
            report.fail("grid-mapfile part has no object");
            return;
        }
        // The Import button opens the native file chooser, which the test cannot drive; the
        // part's own entry point after the chooser is called instead.
        java.lang.reflect.Method importFrom = part.get().getClass().getDeclaredMethod("importFrom", String.class);
        importFrom.setAccessible(true);
        ui.display().asyncExec(() -> {
            try {
                importFrom.invoke(part.get(), file.toString());
            } catch (ReflectiveOperationException e) {
                report.fail("cannot start the import: " + e);
            }
        });
        Shell dialog;
        try {
            dialog = ui.await("grid-mapfile import dialog", WAIT, () -> ui.shell("renkei.ca.gridmap.import"));
        } catch (TimeoutException e) {
            report.fail(e.getMessage());
            return;
        }
        try {
            Thread.sleep(500);
            String summary = ui.call(() -> Ui.find(dialog, "renkei.ca.gridmap.import.summary", Label.class).getText());
            String conflicts = ui.call(() -> Ui.find(dialog, "renkei.ca.gridmap.import.conflicts", Text.class).getText());
            Button apply = ui.call(() -> Ui.dialogButton(dialog, IDialogConstants.OK_ID));
            boolean nothingToApply = apply != null && !ui.call(apply::isEnabled);
            report.check(conflicts.contains(DUPLICATE_DN) && conflicts.contains(UNKNOWN_ACCOUNT) && nothingToApply,
                    "import dry run reports the duplicate DN and the unknown account, and offers nothing to apply: "
                            + summary.replace('\n', ' '),
                    "conflicts '" + conflicts + "', apply enabled " + !nothingToApply);
            test.checkTranslated("import dialog title and summary", List.of(ui.call(dialog::getText), summary));
            test.screenshot(ui, dialog, "ca-gridmap-import");
        } finally {
            ui.run(dialog::close);
        }
    }
}
