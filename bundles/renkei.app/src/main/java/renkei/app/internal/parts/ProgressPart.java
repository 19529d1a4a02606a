// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.app.internal.monitor.JobProgressTracker;
import renkei.app.internal.monitor.JobProgressTracker.JobView;
import renkei.app.internal.monitor.JobProgressTracker.State;
import renkei.spi.HealthStatus;

/**
 * Running, waiting and recently finished Eclipse jobs with their progress, as recorded by the
 * {@link JobProgressTracker}. Polls the tracker four times a second on the UI thread (reading
 * memory only) and redraws only when something changed.
 */
public final class ProgressPart {

    private static final int POLL_MILLIS = 250;
    private static final int PROGRESS_COLUMN = 2;

    @Inject
    private JobProgressTracker tracker;

    private TableViewer viewer;
    private TableColumnLayout columns;
    private Label summaryLabel;
    private Button cancelButton;
    private StatusStyle style;
    private long shownVersion = -1;
    private boolean indeterminateShown;
    private final Runnable poll = this::poll;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).spacing(6, 4).applyTo(parent);
        style = new StatusStyle(parent);
        summaryLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summaryLabel);
        cancelButton = new Button(parent, SWT.PUSH);
        cancelButton.setText(Messages.Progress_cancel);
        cancelButton.setEnabled(false);
        cancelButton.addListener(SWT.Selection, event -> cancelSelected());
        Button clearButton = new Button(parent, SWT.PUSH);
        clearButton.setText(Messages.Progress_clearFinished);
        clearButton.addListener(SWT.Selection, event -> tracker.clearFinished());

        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(tableArea);
        columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Table table = WidgetIds.name(viewer.getTable(), WidgetIds.PROGRESS_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Progress_colJob, new ColumnWeightData(30, 160), JobView::name, this::stateColor);
        column(Messages.Progress_colState, new ColumnPixelData(140), ProgressPart::stateText, this::stateColor);
        column(Messages.Progress_colProgress, new ColumnPixelData(150), view -> "", null);
        column(Messages.Progress_colDetail, new ColumnWeightData(30, 120),
                view -> view.subTask().isEmpty() ? view.task() : view.task() + " \u2013 " + view.subTask(), null);
        column(Messages.Progress_colTime, new ColumnPixelData(200), ProgressPart::timeText, null);
        table.addListener(SWT.PaintItem, this::paintProgress);
        viewer.addSelectionChangedListener(event -> updateCancel());
        poll();
    }

    private void column(String title, ColumnLayoutData width, Function<JobView, String> text, Function<JobView, Color> foreground) {
        ViewerColumns.add(viewer, columns, JobView.class, title, width, text, null, foreground, null);
    }

    private Color stateColor(JobView view) {
        if (view.state() != State.FINISHED || view.result() == null) {
            return null;
        }
        return switch (view.result().getSeverity()) {
            case IStatus.ERROR -> style.color(HealthStatus.CRITICAL);
            case IStatus.WARNING, IStatus.CANCEL -> style.color(HealthStatus.WARNING);
            default -> style.color(HealthStatus.UNKNOWN);
        };
    }

    private static String stateText(JobView view) {
        if (view.cancelRequested() && view.state() != State.FINISHED) {
            return Messages.Progress_cancelling;
        }
        return switch (view.state()) {
            case WAITING -> Messages.Progress_waiting;
            case SLEEPING -> Messages.Progress_sleeping;
            case RUNNING -> Messages.Progress_running;
            case FINISHED -> finishedText(view.result());
        };
    }

    private static String finishedText(IStatus result) {
        if (result == null || result.isOK()) {
            return Messages.Progress_done;
        }
        if (result.getSeverity() == IStatus.CANCEL) {
            return Messages.Progress_cancelled;
        }
        return NLS.bind(Messages.Progress_failed, result.getMessage());
    }

    private static String timeText(JobView view) {
        Instant now = Instant.now();
        return switch (view.state()) {
            case WAITING, SLEEPING -> NLS.bind(Messages.Progress_scheduledAt, Formats.when(view.scheduled(), now));
            case RUNNING -> NLS.bind(Messages.Progress_runningFor,
                    Formats.duration(Duration.between(view.started() == null ? now : view.started(), now)));
            case FINISHED -> view.started() == null || view.finished() == null ? Formats.NONE
                    : NLS.bind(Messages.Progress_finishedAt, Formats.when(view.finished(), now),
                            Formats.duration(Duration.between(view.started(), view.finished())));
        };
    }

    private void paintProgress(Event event) {
        if (event.index != PROGRESS_COLUMN || !(event.item.getData() instanceof JobView view)) {
            return;
        }
        Rectangle cell = ((TableItem) event.item).getBounds(event.index);
        Rectangle bar = new Rectangle(cell.x + 4, cell.y + 3, Math.max(0, cell.width - 8), Math.max(0, cell.height - 6));
        GC gc = event.gc;
        Color oldBackground = gc.getBackground();
        Color oldForeground = gc.getForeground();
        gc.setForeground(event.display.getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
        gc.drawRectangle(bar);
        gc.setBackground(event.display.getSystemColor(SWT.COLOR_LIST_SELECTION));
        double fraction = view.state() == State.FINISHED ? 1 : view.fraction();
        if (view.state() == State.RUNNING && fraction < 0) {
            // Unknown total: a block sliding across the bar.
            int block = Math.max(8, bar.width / 4);
            long phase = (System.currentTimeMillis() / 40) % Math.max(1, bar.width + block);
            int x = (int) (bar.x - block + phase);
            int from = Math.max(bar.x + 1, x);
            int to = Math.min(bar.x + bar.width, x + block);
            if (to > from) {
                gc.fillRectangle(from, bar.y + 1, to - from, bar.height - 1);
            }
        } else if (fraction >= 0 && view.state() != State.WAITING && view.state() != State.SLEEPING) {
            gc.fillRectangle(bar.x + 1, bar.y + 1, (int) ((bar.width - 1) * fraction), bar.height - 1);
            String percent = Math.round(fraction * 100) + "%";
            Point extent = gc.textExtent(percent);
            gc.setForeground(event.display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
            gc.drawText(percent, bar.x + (bar.width - extent.x) / 2, bar.y + (bar.height - extent.y) / 2, true);
        }
        gc.setBackground(oldBackground);
        gc.setForeground(oldForeground);
    }

    private void poll() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        long version = tracker.version();
        if (version != shownVersion) {
            shownVersion = version;
            show(tracker.snapshot());
        } else if (indeterminateShown) {
            // Only the clocks and the sliding bars move.
            viewer.refresh(true);
        }
        viewer.getControl().getDisplay().timerExec(POLL_MILLIS, poll);
    }

    private void show(List<JobView> views) {
        List<?> selectedJobs = selection().stream().map(JobView::job).toList();
        viewer.setInput(views);
        viewer.setSelection(new StructuredSelection(views.stream().filter(view -> selectedJobs.contains(view.job())).toList()));
        long running = views.stream().filter(view -> view.state() == State.RUNNING).count();
        long waiting = views.stream().filter(view -> view.state() == State.WAITING || view.state() == State.SLEEPING).count();
        summaryLabel.setText(NLS.bind(Messages.Progress_summary, running, waiting));
        indeterminateShown = views.stream().anyMatch(view -> view.state() == State.RUNNING);
        updateCancel();
    }

    @SuppressWarnings("unchecked")
    private List<JobView> selection() {
        return ((IStructuredSelection) viewer.getSelection()).toList();
    }

    private void updateCancel() {
        cancelButton.setEnabled(selection().stream().anyMatch(view -> view.state() != State.FINISHED));
    }

    private void cancelSelected() {
        selection().stream().filter(view -> view.state() != State.FINISHED).forEach(view -> view.job().cancel());
    }

    @Focus
    void setFocus() {
        viewer.getControl().setFocus();
    }
}
