// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.time.Instant;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import renkei.app.internal.ConsoleEvents;
import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.app.internal.WidgetIds;
import renkei.platform.Database;
import renkei.platform.Scheduler;
import renkei.platform.Session;
import renkei.platform.remote.ConnectionEvents;
import renkei.platform.remote.ServerConnection;

/**
 * The bottom trim: who is logged in with which roles, where the data lives (the database this
 * process opened, or the server it is connected to and whether that link is up), whether this
 * process runs scheduled tasks, and when the Dashboard last read the stored health. It
 * stretches over the whole window width (tag {@code stretch} in the model); when that is too narrow
 * the operator and database texts are shortened first. Reads only values the services hold in
 * memory. UI thread only.
 */
public final class StatusLine {

    @Inject
    private Session session;

    @Inject
    @Optional
    @Service
    private Database database;

    @Inject
    @Optional
    @Service
    private Scheduler scheduler;

    @Inject
    @Optional
    @Service
    private ServerConnection server;

    private static final int SERVER_WIDTH_LIMIT = 360;

    private Label refreshedLabel;
    private CLabel databaseLabel;

    @PostConstruct
    void createControls(Composite parent) {
        Composite line = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(8).margins(6, 2).spacing(8, 0).applyTo(line);

        Label operator = label(line, WidgetIds.STATUS_OPERATOR,
                NLS.bind(Messages.Status_operator, session.operator().displayName(), session.username()));
        operator.setToolTipText(NLS.bind(Messages.Status_operatorTooltip, Formats.full(session.authenticatedAt()),
                session.secondFactor() ? Messages.Status_yes : Messages.Status_no));
        String rolesText = NLS.bind(Messages.Status_roles, roles());
        shrinkingLabel(line, WidgetIds.STATUS_ROLES, rolesText, rolesText);
        separator(line);
        String databaseText = dataLocationText();
        databaseLabel = shrinkingLabel(line, WidgetIds.STATUS_DATABASE, databaseText, databaseText);
        showServerState();
        separator(line);
        label(line, WidgetIds.STATUS_SCHEDULER, NLS.bind(Messages.Status_scheduler, scheduler != null
                ? (scheduler.isActive() ? Messages.Status_schedulerActive : Messages.Status_schedulerInactive)
                : server != null ? Messages.Status_schedulerOnServer : Messages.Status_unavailable));
        separator(line);
        refreshedLabel = label(line, WidgetIds.STATUS_REFRESHED, NLS.bind(Messages.Status_refreshed, Formats.NONE));
    }

    private String dataLocationText() {
        if (server != null) {
            // The state first when lost: a narrow label shortens the middle of its text.
            return server.connected() ? NLS.bind(Messages.Status_server, server.serverUrl(), Messages.Status_serverConnected)
                    : NLS.bind(Messages.Status_serverLostLine, server.serverUrl());
        }
        return NLS.bind(Messages.Status_database, database == null ? Messages.Status_unavailable : database.describe());
    }

    /** The server line with why the link is down and since when: the label itself has no room for it. */
    private String serverTooltip() {
        String state = server.connected() ? Messages.Status_serverConnected
                : NLS.bind(Messages.Status_serverLost, server.lastError().orElse(Messages.Status_unknown));
        return NLS.bind(Messages.Status_serverTooltip, NLS.bind(Messages.Status_server, server.serverUrl(), state),
                Formats.full(server.since()));
    }

    /**
     * A lost server is shown in the error colour so an operator notices before acting; the label
     * asks for room for its whole text (up to {@value #SERVER_WIDTH_LIMIT} pixels), since the state
     * is at its end.
     */
    private void showServerState() {
        if (databaseLabel == null || databaseLabel.isDisposed()) {
            return;
        }
        String text = dataLocationText();
        databaseLabel.setText(text);
        databaseLabel.setToolTipText(server != null ? serverTooltip() : text);
        Color colour = server != null && !server.connected() ? databaseLabel.getDisplay().getSystemColor(SWT.COLOR_RED) : null;
        databaseLabel.setForeground(colour);
        if (server != null && databaseLabel.getLayoutData() instanceof GridData data) {
            data.widthHint = Math.min(databaseLabel.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, SERVER_WIDTH_LIMIT);
        }
    }

    @Inject
    @Optional
    void connectionChanged(@UIEventTopic(ConnectionEvents.TOPIC) org.osgi.service.event.Event change) {
        showServerState();
        if (databaseLabel != null && !databaseLabel.isDisposed()) {
            databaseLabel.getShell().layout(new Control[] { databaseLabel }, SWT.DEFER);
        }
    }

    private String roles() {
        return session.operator().roles().stream().sorted().map(Formats::role).collect(Collectors.joining(", "));
    }

    /**
     * A label that gives up width first when the window is narrow, shortening its text with an
     * ellipsis; the full text stays in the tooltip.
     */
    private static CLabel shrinkingLabel(Composite parent, String id, String text, String tooltip) {
        CLabel label = WidgetIds.name(new CLabel(parent, SWT.NONE), id);
        label.setText(text);
        label.setToolTipText(tooltip);
        label.setMargins(0, 0, 0, 0);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER)
                .hint(Math.min(label.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, 200), SWT.DEFAULT).applyTo(label);
        return label;
    }

    private static Label label(Composite parent, String id, String text) {
        Label label = WidgetIds.name(new Label(parent, SWT.NONE), id);
        label.setText(text);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
        return label;
    }

    private static void separator(Composite parent) {
        Label separator = new Label(parent, SWT.SEPARATOR | SWT.VERTICAL);
        GridDataFactory.swtDefaults().hint(SWT.DEFAULT, 16).applyTo(separator);
    }

    @Inject
    @Optional
    void dashboardRefreshed(@UIEventTopic(ConsoleEvents.TOPIC_DASHBOARD_REFRESHED) Instant at) {
        if (refreshedLabel != null && !refreshedLabel.isDisposed()) {
            refreshedLabel.setText(NLS.bind(Messages.Status_refreshed, Formats.when(at, Instant.now())));
            // Lays out every ancestor up to the shell, so the trim bar grows with the text.
            refreshedLabel.getShell().layout(new Control[] { refreshedLabel }, SWT.DEFER);
        }
    }
}
