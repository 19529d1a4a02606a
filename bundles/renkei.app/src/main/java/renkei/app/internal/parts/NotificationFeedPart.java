// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.ConsoleJobs;
import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.platform.Notification;
import renkei.platform.NotificationService;

/**
 * The console's notification feed, newest first, with the selected item's full text below. Items
 * are read in a job when the notification service posts {@link NotificationService#TOPIC_FEED} and
 * every 30 seconds, since other consoles and servers sharing the database add items too.
 */
public final class NotificationFeedPart {

    private static final int REFRESH_MILLIS = 30_000;
    private static final int FEED_LIMIT = 200;

    @Inject
    @Optional
    @Service
    private NotificationService notifications;

    @Inject
    private UISynchronize sync;

    private TableViewer viewer;
    private TableColumnLayout columns;
    private Text details;
    private Label statusLabel;
    private StatusStyle style;
    private Job refreshJob;
    private boolean refreshFailed;
    private final Runnable periodicRefresh = this::periodicRefresh;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        style = new StatusStyle(parent);
        statusLabel = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statusLabel);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        Composite tableArea = new Composite(sash, SWT.NONE);
        columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = WidgetIds.name(viewer.getTable(), WidgetIds.FEED_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Feed_colTime, new ColumnPixelData(90), item -> Formats.when(item.createdAt(), Instant.now()), null, null);
        column(Messages.Feed_colSeverity, new ColumnPixelData(100), item -> Formats.severity(item.severity()),
                item -> style.icon(item.severity()),
                item -> style.color(item.severity()));
        column(Messages.Feed_colSource, new ColumnWeightData(20, 100), Notification::source, null, null);
        column(Messages.Feed_colTitle, new ColumnWeightData(60, 160), Notification::title, null, null);
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        sash.setWeights(70, 30);
        viewer.addSelectionChangedListener(event -> showDetails());

        refreshJob = ConsoleJobs.create(Messages.Feed_refreshJob, this::load);
        statusLabel.setText(Messages.Feed_loading);
        refreshJob.schedule();
        parent.getDisplay().timerExec(REFRESH_MILLIS, periodicRefresh);
    }

    private void column(String title, ColumnLayoutData width, Function<Notification, String> text, Function<Notification, Image> image,
            Function<Notification, Color> foreground) {
        ViewerColumns.add(viewer, columns, Notification.class, title, width, text, image, foreground, null);
    }

    private IStatus load(IProgressMonitor monitor) {
        NotificationService service = notifications;
        if (service == null) {
            sync.asyncExec(() -> showStatus(Messages.Feed_noService));
            return Status.OK_STATUS;
        }
        monitor.beginTask(Messages.Feed_refreshJob, IProgressMonitor.UNKNOWN);
        try {
            List<Notification> feed = service.feed(FEED_LIMIT);
            refreshFailed = false;
            Instant at = Instant.now();
            sync.asyncExec(() -> show(feed, at));
        } catch (RuntimeException e) {
            if (!refreshFailed) {
                Platform.getLog(NotificationFeedPart.class).log(Status.error(Messages.Feed_refreshFailedLog, e));
            }
            refreshFailed = true;
            sync.asyncExec(() -> showStatus(NLS.bind(Messages.Feed_refreshFailed, Formats.describe(e))));
        } finally {
            monitor.done();
        }
        return Status.OK_STATUS;
    }

    private void show(List<Notification> feed, Instant at) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        viewer.setInput(feed);
        if (selected instanceof Notification previous) {
            feed.stream().filter(item -> item.id() == previous.id()).findFirst()
                    .ifPresent(item -> viewer.setSelection(new StructuredSelection(item), true));
        }
        showStatus(feed.isEmpty() ? Messages.Feed_empty : NLS.bind(Messages.Feed_summary, feed.size(), Formats.when(at, at)));
    }

    private void showStatus(String text) {
        if (!statusLabel.isDisposed()) {
            statusLabel.setText(text);
        }
    }

    private void showDetails() {
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (selected instanceof Notification item) {
            details.setText(NLS.bind(Messages.Feed_details, new Object[] { item.title(), Formats.full(item.createdAt()),
                    Formats.severity(item.severity()), item.source(), item.body() == null ? "" : item.body() }));
        } else {
            details.setText("");
        }
    }

    private void periodicRefresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        refreshJob.schedule();
        viewer.getControl().getDisplay().timerExec(REFRESH_MILLIS, periodicRefresh);
    }

    @Inject
    @Optional
    void feedChanged(@UIEventTopic(NotificationService.TOPIC_FEED) Object event) {
        if (refreshJob != null) {
            refreshJob.schedule();
        }
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
