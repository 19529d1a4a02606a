// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.time.Instant;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLayoutData;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.app.internal.monitor.ErrorLogCollector;
import renkei.app.internal.monitor.ErrorLogCollector.Entry;

/**
 * Entries written to the platform log since the console started (collected by the
 * {@link ErrorLogCollector}), newest first, with the selected entry's stack trace. Polls the
 * collector on the UI thread (memory only) and updates when it changed.
 */
public final class ErrorLogPart {

    private static final int POLL_MILLIS = 1_000;

    @Inject
    private ErrorLogCollector collector;

    private TableViewer viewer;
    private TableColumnLayout columns;
    private Text details;
    private Label summaryLabel;
    private StatusStyle style;
    private long shownVersion = -1;
    private final Runnable poll = this::poll;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).spacing(6, 4).applyTo(parent);
        style = new StatusStyle(parent);
        summaryLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summaryLabel);
        Button clear = new Button(parent, SWT.PUSH);
        clear.setText(Messages.ErrorLog_clear);
        clear.addListener(SWT.Selection, event -> collector.clear());

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(sash);
        Composite tableArea = new Composite(sash, SWT.NONE);
        columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = WidgetIds.name(viewer.getTable(), WidgetIds.ERROR_LOG_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.ErrorLog_colTime, new ColumnPixelData(90), entry -> Formats.when(entry.time(), Instant.now()), null, null);
        column(Messages.ErrorLog_colSeverity, new ColumnPixelData(100), entry -> severityText(entry.severity()),
                entry -> style.iconForLogSeverity(entry.severity()), entry -> style.colorForLogSeverity(entry.severity()));
        column(Messages.ErrorLog_colPlugin, new ColumnWeightData(20, 120), Entry::plugin, null, null);
        column(Messages.ErrorLog_colMessage, new ColumnWeightData(60, 200),
                entry -> entry.message().lines().findFirst().orElse(""), null, null);
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        sash.setWeights(65, 35);
        viewer.addSelectionChangedListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            details.setText(selected instanceof Entry entry ? entry.details() : "");
        });
        poll();
    }

    private void column(String title, ColumnLayoutData width, Function<Entry, String> text, Function<Entry, Image> image,
            Function<Entry, Color> foreground) {
        ViewerColumns.add(viewer, columns, Entry.class, title, width, text, image, foreground, null);
    }

    static String severityText(int severity) {
        if ((severity & IStatus.ERROR) != 0) {
            return Messages.ErrorLog_error;
        }
        if ((severity & IStatus.WARNING) != 0) {
            return Messages.ErrorLog_warning;
        }
        if ((severity & IStatus.CANCEL) != 0) {
            return Messages.ErrorLog_cancel;
        }
        return Messages.ErrorLog_info;
    }

    private void poll() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        long version = collector.version();
        if (version != shownVersion) {
            shownVersion = version;
            var entries = collector.snapshot();
            Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
            viewer.setInput(entries);
            if (selected != null && entries.contains(selected)) {
                viewer.setSelection(new StructuredSelection(selected));
            }
            long errors = entries.stream().filter(entry -> (entry.severity() & IStatus.ERROR) != 0).count();
            summaryLabel.setText(NLS.bind(Messages.ErrorLog_summary, entries.size(), errors));
        }
        viewer.getControl().getDisplay().timerExec(POLL_MILLIS, poll);
    }

    @Focus
    void setFocus() {
        viewer.getControl().setFocus();
    }
}
