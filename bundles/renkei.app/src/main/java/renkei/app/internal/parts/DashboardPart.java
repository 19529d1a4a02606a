// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLayoutData;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;

import renkei.app.internal.ConsoleEvents;
import renkei.app.internal.ConsoleJobs;
import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.platform.HealthService;
import renkei.platform.SourceHealth;
import renkei.spi.HealthStatus;

/**
 * The health of every monitored source in one table, worst first: status, name, summary, last
 * success, next run, expiry countdown and last error with its cause. The stored health is read in
 * a job every 30 seconds and whenever the health service reports a change; "Run now" runs the
 * selected checks in jobs. Countdowns tick on the UI thread without reading anything.
 */
public final class DashboardPart {

    private static final int REFRESH_MILLIS = 30_000;
    private static final int COUNTDOWN_MILLIS = 5_000;

    private static final Comparator<SourceHealth> WORST_FIRST = Comparator
            .comparing(SourceHealth::status, Comparator.reverseOrder())
            .thenComparing(SourceHealth::consecutiveFailures, Comparator.reverseOrder())
            .thenComparing(health -> health.expiresAt().orElse(Instant.MAX))
            .thenComparing(SourceHealth::displayName, String.CASE_INSENSITIVE_ORDER);

    @Inject
    @Optional
    @Service
    private HealthService health;

    @Inject
    private UISynchronize sync;

    @Inject
    private IEventBroker broker;

    @Inject
    @Optional
    private IStylingEngine styling;

    private TableViewer viewer;
    private TableColumnLayout columns;
    private Label summaryLabel;
    private Button runNowButton;
    private StatusStyle style;
    private Job refreshJob;
    private boolean refreshFailed;
    private Instant lastRefresh;
    private final Runnable periodicRefresh = this::periodicRefresh;
    private final Runnable countdown = this::countdown;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(4).margins(8, 8).spacing(8, 6).applyTo(parent);
        style = new StatusStyle(parent);

        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.Dashboard_title);
        if (styling != null) {
            styling.setId(title, "renkei-dashboard-title");
        }
        summaryLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summaryLabel);
        runNowButton = WidgetIds.name(new Button(parent, SWT.PUSH), WidgetIds.DASHBOARD_RUN_NOW);
        runNowButton.setText(Messages.Dashboard_runNow);
        runNowButton.setToolTipText(Messages.Dashboard_runNowTooltip);
        runNowButton.setEnabled(false);
        runNowButton.addListener(SWT.Selection, event -> runSelected());
        Button refreshButton = new Button(parent, SWT.PUSH);
        refreshButton.setText(Messages.Dashboard_refresh);
        refreshButton.addListener(SWT.Selection, event -> requestRefresh());

        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(tableArea);
        columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = WidgetIds.name(viewer.getTable(), WidgetIds.DASHBOARD_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        createColumns();
        viewer.addSelectionChangedListener(event -> runNowButton.setEnabled(health != null && !event.getSelection().isEmpty()));

        refreshJob = ConsoleJobs.create(Messages.Dashboard_refreshJob, this::load);
        summaryLabel.setText(Messages.Dashboard_loading);
        requestRefresh();
        parent.getDisplay().timerExec(REFRESH_MILLIS, periodicRefresh);
        parent.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    private void createColumns() {
        column(Messages.Dashboard_colStatus, new ColumnPixelData(95), health -> Formats.status(health.status()),
                health -> style.icon(health.status()), health -> style.color(health.status()), SourceHealth::summary);
        column(Messages.Dashboard_colSource, new ColumnWeightData(36, 210), SourceHealth::displayName, null, null,
                health -> health.sourceId() + " (" + health.kind() + ")");
        column(Messages.Dashboard_colSummary, new ColumnWeightData(42, 180), SourceHealth::summary, null, null,
                SourceHealth::summary);
        column(Messages.Dashboard_colLastSuccess, new ColumnPixelData(105), health -> Formats.when(health.lastSuccess(), Instant.now()),
                null, null, health -> Formats.full(health.lastSuccess()));
        column(Messages.Dashboard_colNextRun, new ColumnPixelData(110),
                health -> health.nextRun().map(at -> Formats.relative(at, Instant.now())).orElse(Formats.NONE), null, null,
                health -> Formats.full(health.nextRun()));
        column(Messages.Dashboard_colExpiry, new ColumnPixelData(125), health -> Formats.expiry(health.expiresAt(), Instant.now()),
                null, health -> health.expiresIn(Instant.now()).filter(left -> left.toDays() < 7).isPresent()
                        ? style.color(HealthStatus.WARNING) : null,
                health -> Formats.full(health.expiresAt()));
        column(Messages.Dashboard_colLastError, new ColumnWeightData(22, 135), DashboardPart::lastError, null,
                health -> style.color(HealthStatus.CRITICAL),
                health -> health.lastError().isEmpty() ? null
                        : NLS.bind(Messages.Dashboard_errorTooltip, new Object[] { Formats.full(health.lastErrorAt()),
                                health.consecutiveFailures(), lastError(health) }));
    }

    private static String lastError(SourceHealth health) {
        if (health.lastError().isEmpty()) {
            return "";
        }
        return health.lastErrorCause().filter(cause -> !cause.isBlank() && !cause.equals(health.lastError().get()))
                .map(cause -> NLS.bind(Messages.Dashboard_errorWithCause, health.lastError().get(), cause))
                .orElse(health.lastError().get());
    }

    private void column(String title, ColumnLayoutData width, Function<SourceHealth, String> text,
            Function<SourceHealth, Image> image, Function<SourceHealth, Color> foreground, Function<SourceHealth, String> tooltip) {
        ViewerColumns.add(viewer, columns, SourceHealth.class, title, width, text, image, foreground, tooltip);
    }

    /** Runs in the refresh job. */
    private IStatus load(IProgressMonitor monitor) {
        HealthService service = health;
        if (service == null) {
            sync.asyncExec(() -> showUnavailable());
            return Status.OK_STATUS;
        }
        monitor.beginTask(Messages.Dashboard_refreshJob, IProgressMonitor.UNKNOWN);
        try {
            List<SourceHealth> all = service.all().stream().sorted(WORST_FIRST).toList();
            Instant at = Instant.now();
            refreshFailed = false;
            sync.asyncExec(() -> show(all, at));
            return Status.OK_STATUS;
        } catch (RuntimeException e) {
            if (!refreshFailed) {
                // Logged once per outage rather than every 30 seconds.
                Platform.getLog(DashboardPart.class).log(Status.error(Messages.Dashboard_refreshFailedLog, e));
            }
            refreshFailed = true;
            String message = NLS.bind(Messages.Dashboard_refreshFailed, Formats.describe(e));
            sync.asyncExec(() -> {
                if (!summaryLabel.isDisposed()) {
                    summaryLabel.setText(message);
                    summaryLabel.setForeground(style.color(HealthStatus.CRITICAL));
                }
            });
            return Status.OK_STATUS;
        } finally {
            monitor.done();
        }
    }

    private void show(List<SourceHealth> all, Instant at) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Set<String> selected = selection().stream().map(SourceHealth::sourceId).collect(Collectors.toSet());
        viewer.setInput(all);
        viewer.setSelection(new StructuredSelection(all.stream().filter(h -> selected.contains(h.sourceId())).toList()));
        lastRefresh = at;
        summaryLabel.setForeground(null);
        summaryLabel.setText(summary(all, at));
        summaryLabel.getParent().layout(new Control[] { summaryLabel });
        broker.post(ConsoleEvents.TOPIC_DASHBOARD_REFRESHED, at);
    }

    private static String summary(List<SourceHealth> all, Instant at) {
        Map<HealthStatus, Long> counts = new EnumMap<>(HealthStatus.class);
        all.forEach(h -> counts.merge(h.status(), 1L, Long::sum));
        String byStatus = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
                .map(entry -> entry.getValue() + " " + Formats.status(entry.getKey()))
                .collect(Collectors.joining(", "));
        return NLS.bind(Messages.Dashboard_summary, new Object[] { all.size(), byStatus.isEmpty() ? Formats.NONE : byStatus,
                Formats.when(at, at) });
    }

    private void showUnavailable() {
        if (!summaryLabel.isDisposed()) {
            summaryLabel.setText(Messages.Dashboard_noHealthService);
            summaryLabel.setForeground(style.color(HealthStatus.CRITICAL));
        }
    }

    @SuppressWarnings("unchecked")
    private List<SourceHealth> selection() {
        return ((IStructuredSelection) viewer.getSelection()).toList();
    }

    private void runSelected() {
        HealthService service = health;
        if (service == null) {
            return;
        }
        for (SourceHealth source : selection()) {
            Job job = ConsoleJobs.create(NLS.bind(Messages.Dashboard_runJob, source.displayName()), monitor -> {
                monitor.beginTask(NLS.bind(Messages.Dashboard_runJob, source.displayName()), IProgressMonitor.UNKNOWN);
                try {
                    service.runNow(source.sourceId());
                } finally {
                    monitor.done();
                }
                sync.asyncExec(this::requestRefresh);
                return Status.OK_STATUS;
            });
            job.setRule(ConsoleJobs.sourceRule(source.sourceId()));
            job.setUser(true);
            job.schedule();
        }
    }

    /** Re-reads the stored health now; safe to call often, runs at most one read at a time. */
    private void requestRefresh() {
        if (refreshJob != null) {
            refreshJob.schedule();
        }
    }

    private void periodicRefresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        requestRefresh();
        viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, periodicRefresh);
    }

    private void countdown() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        if (viewer.getControl().isVisible() && lastRefresh != null) {
            viewer.refresh(true);
        }
        viewer.getControl().getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    @Inject
    @Optional
    void healthChanged(@UIEventTopic(HealthService.TOPIC_CHANGED) Object event) {
        requestRefresh();
    }

    @Focus
    void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    void dispose() {
        if (refreshJob != null) {
            refreshJob.cancel();
        }
    }
}
