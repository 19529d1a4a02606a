// SPDX-License-Identifier: EPL-2.0
package renkei.site.example.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import renkei.platform.HealthService;
import renkei.platform.SiteConfig;
import renkei.platform.SourceHealth;
import renkei.site.example.internal.DnsResolutionCheck;
import renkei.spi.HealthStatus;

/**
 * The example site's DNS resolution check in detail: its stored source health and a "Probe now"
 * button that runs the check in a job. Contributed to the console's module stack by this bundle's
 * {@code fragment.e4xmi}; the same bundle runs headless in the server, where this class is never
 * loaded. Reads and probes off the UI thread; UI thread otherwise.
 */
public final class DnsProbePart {

    /** Keeps a probe from this part and one from the Dashboard from running at once. */
    private static final ISchedulingRule PROBE_RULE = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /** Key and names under which automated UI tests find this part's controls. */
    private static final String WIDGET_ID_KEY = "renkei.widgetId";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    private HealthService health;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    private SiteConfig config;

    @Inject
    private UISynchronize sync;

    /** The rows of the part, in display order. */
    private enum Field {
        SUMMARY, LAST_RUN, LAST_SUCCESS, NEXT_RUN, LAST_ERROR, CAUSE, FAILURES;

        String label() {
            return switch (this) {
                case SUMMARY -> Messages.DnsProbe_summary;
                case LAST_RUN -> Messages.DnsProbe_lastRun;
                case LAST_SUCCESS -> Messages.DnsProbe_lastSuccess;
                case NEXT_RUN -> Messages.DnsProbe_nextRun;
                case LAST_ERROR -> Messages.DnsProbe_lastError;
                case CAUSE -> Messages.DnsProbe_cause;
                case FAILURES -> Messages.DnsProbe_failures;
            };
        }
    }

    private Label statusLabel;
    private final Map<Field, Label> values = new EnumMap<>(Field.class);
    private Button probeButton;
    private Label probeState;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(12, 6).applyTo(parent);

        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.DnsProbe_title);
        title.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(title);
        Label intro = new Label(parent, SWT.WRAP);
        intro.setText(NLS.bind(Messages.DnsProbe_intro, config == null ? DnsResolutionCheck.DEFAULT_HOSTS
                : config.get(DnsResolutionCheck.HOSTS_KEY, DnsResolutionCheck.DEFAULT_HOSTS)));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(intro);

        new Label(parent, SWT.NONE).setText(Messages.DnsProbe_status);
        statusLabel = new Label(parent, SWT.NONE);
        statusLabel.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statusLabel);
        for (Field field : Field.values()) {
            new Label(parent, SWT.NONE).setText(field.label());
            Label value = new Label(parent, SWT.WRAP);
            GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(value);
            values.put(field, value);
        }

        Composite buttons = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).applyTo(buttons);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 0).applyTo(buttons);
        probeButton = new Button(buttons, SWT.PUSH);
        probeButton.setText(Messages.DnsProbe_probeNow);
        probeButton.addListener(SWT.Selection, event -> probe());
        probeButton.setData(WIDGET_ID_KEY, "renkei.site.example.dns.probe");
        probeState = new Label(buttons, SWT.NONE);
        probeState.setData(WIDGET_ID_KEY, "renkei.site.example.dns.probeState");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(300, SWT.DEFAULT).applyTo(probeState);

        statusLabel.setText(Messages.DnsProbe_loading);
        load();
    }

    private void load() {
        HealthService service = health;
        if (service == null) {
            statusLabel.setText(Messages.DnsProbe_noHealthService);
            return;
        }
        Job job = Job.create(Messages.DnsProbe_loadJob, (IProgressMonitor monitor) -> {
            Optional<SourceHealth> stored;
            try {
                stored = service.get(DnsResolutionCheck.SOURCE_ID);
            } catch (RuntimeException e) {
                sync.asyncExec(() -> showError(e));
                return Status.OK_STATUS;
            }
            sync.asyncExec(() -> show(stored));
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private void probe() {
        HealthService service = health;
        if (service == null) {
            return;
        }
        probeButton.setEnabled(false);
        probeState.setText(Messages.DnsProbe_probing);
        Job job = new Job(Messages.DnsProbe_probeJob) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(Messages.DnsProbe_probeJob, IProgressMonitor.UNKNOWN);
                try {
                    SourceHealth result = service.runNow(DnsResolutionCheck.SOURCE_ID);
                    sync.asyncExec(() -> {
                        show(Optional.of(result));
                        probeDone(NLS.bind(Messages.DnsProbe_probed, TIME.format(Instant.now().atZone(ZoneId.systemDefault()))));
                    });
                    return Status.OK_STATUS;
                } catch (RuntimeException e) {
                    sync.asyncExec(() -> probeDone(NLS.bind(Messages.DnsProbe_probeFailed, describe(e))));
                    return Status.error(describe(e), e);
                } finally {
                    monitor.done();
                }
            }
        };
        job.setRule(PROBE_RULE);
        job.setUser(true);
        job.schedule();
    }

    private void probeDone(String text) {
        if (!probeButton.isDisposed()) {
            probeButton.setEnabled(true);
            probeState.setText(text);
        }
    }

    private void show(Optional<SourceHealth> stored) {
        if (statusLabel.isDisposed()) {
            return;
        }
        if (stored.isEmpty()) {
            statusLabel.setText(Messages.DnsProbe_neverRun);
            statusLabel.setForeground(null);
            values.values().forEach(label -> label.setText("\u2014"));
        } else {
            SourceHealth source = stored.get();
            statusLabel.setText(statusText(source.status()));
            statusLabel.setForeground(statusColor(source.status()));
            set(Field.SUMMARY, source.summary());
            set(Field.LAST_RUN, time(source.lastRun()));
            set(Field.LAST_SUCCESS, time(source.lastSuccess()));
            set(Field.NEXT_RUN, time(source.nextRun()));
            set(Field.LAST_ERROR, source.lastError().orElse("\u2014") + (source.lastErrorAt().isPresent()
                    ? " (" + time(source.lastErrorAt()) + ")" : ""));
            set(Field.CAUSE, source.lastErrorCause().orElse("\u2014"));
            set(Field.FAILURES, Integer.toString(source.consecutiveFailures()));
        }
        statusLabel.getParent().layout(true, true);
    }

    private void showError(RuntimeException e) {
        if (!statusLabel.isDisposed()) {
            statusLabel.setText(NLS.bind(Messages.DnsProbe_loadFailed, describe(e)));
            statusLabel.setForeground(statusColor(HealthStatus.CRITICAL));
            statusLabel.getParent().layout(true, true);
        }
    }

    private void set(Field field, String text) {
        values.get(field).setText(text == null || text.isBlank() ? "\u2014" : text);
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(at -> TIME.format(at.atZone(ZoneId.systemDefault()))).orElse("\u2014");
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : error.getMessage() + " \u2190 " + root;
    }

    private static String statusText(HealthStatus status) {
        return switch (status) {
            case OK -> Messages.DnsProbe_ok;
            case UNKNOWN -> Messages.DnsProbe_unknown;
            case WARNING -> Messages.DnsProbe_warning;
            case CRITICAL -> Messages.DnsProbe_critical;
        };
    }

    private Color statusColor(HealthStatus status) {
        return statusLabel.getDisplay().getSystemColor(switch (status) {
            case OK -> SWT.COLOR_DARK_GREEN;
            case UNKNOWN -> SWT.COLOR_DARK_GRAY;
            case WARNING -> SWT.COLOR_DARK_YELLOW;
            case CRITICAL -> SWT.COLOR_RED;
        });
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void healthChanged(@UIEventTopic(HealthService.TOPIC_CHANGED) Object event) {
        if (statusLabel != null && !statusLabel.isDisposed()) {
            load();
        }
    }

    @Focus
    void setFocus() {
        probeButton.setFocus();
    }
}
