// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.app.internal.parts.ViewerColumns;
import renkei.ca.core.CaRepositoryService;
import renkei.ca.core.CaService;
import renkei.ca.core.PublishReport;
import renkei.ca.core.PublishReport.PublishedFile;
import renkei.ca.core.SignedCrl;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * CRL status (CA-08) and repository publish status (CA-09) side by side: the newest CRL's number,
 * thisUpdate, nextUpdate with a countdown, when the scheduler re-issues it at the latest, and how
 * many entries it lists, with "Issue CRL now"; the newest publish with its directory, outcome and
 * every file's size and SHA-256, with "Publish now" after showing what it replaces. Reads in jobs
 * when shown and on CA changes; the countdown ticks on the UI thread without reading. UI thread only.
 */
public final class CrlRepositoryPart {

    /** CA-08: the CRL is re-issued at the latest this long before its nextUpdate. */
    private static final Duration REISSUE_BEFORE = Duration.ofDays(7);
    private static final int COUNTDOWN_MILLIS = 5_000;

    @Inject
    @Optional
    @Service
    private CaService ca;

    @Inject
    @Optional
    @Service
    private CaRepositoryService repository;

    @Inject
    @Optional
    private Session session;

    @Inject
    private UISynchronize sync;

    private StatusStyle style;
    private Label crlState;
    private Label number;
    private Label thisUpdate;
    private Label nextUpdate;
    private Label reissue;
    private Label revoked;
    private Button issueNow;
    private Label crlFeedback;
    private Label publishState;
    private Label publishedAt;
    private Label publishedBy;
    private Label directory;
    private TableViewer files;
    private Button publishNow;
    private Label publishFeedback;
    private SignedCrl crl;
    private PublishReport lastPublish;
    private final Runnable countdown = this::countdown;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(false).margins(8, 8).spacing(10, 8).applyTo(parent);
        style = new StatusStyle(parent);
        createCrl(parent);
        createRepository(parent);
        refresh();
        parent.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    private void createCrl(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.Crl_title);
        GridDataFactory.fillDefaults().grab(false, true).hint(420, SWT.DEFAULT).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 6).applyTo(group);
        crlState = WidgetIds.name(new Label(group, SWT.WRAP), CaWidgetIds.CRL_STATE);
        crlState.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(380, SWT.DEFAULT).applyTo(crlState);
        number = WidgetIds.name(FieldGrid.add(group, Messages.Crl_number), CaWidgetIds.CRL_NUMBER);
        thisUpdate = FieldGrid.add(group, Messages.Crl_thisUpdate);
        nextUpdate = WidgetIds.name(FieldGrid.add(group, Messages.Crl_nextUpdate), CaWidgetIds.CRL_NEXT_UPDATE);
        reissue = FieldGrid.add(group, Messages.Crl_reissue);
        revoked = FieldGrid.add(group, Messages.Crl_revoked);
        issueNow = WidgetIds.name(new Button(group, SWT.PUSH), CaWidgetIds.CRL_ISSUE_NOW);
        issueNow.setText(Messages.Crl_issueNow);
        issueNow.setToolTipText(Messages.Crl_issueNowTooltip);
        GridDataFactory.fillDefaults().indent(0, 10).span(2, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(issueNow);
        issueNow.addListener(SWT.Selection, event -> issueCrl());
        crlFeedback = WidgetIds.name(new Label(group, SWT.WRAP), CaWidgetIds.CRL_FEEDBACK);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(380, SWT.DEFAULT).applyTo(crlFeedback);
    }

    private void createRepository(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.Repository_title);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 6).applyTo(group);
        publishState = new Label(group, SWT.WRAP);
        publishState.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(publishState);
        publishedAt = FieldGrid.add(group, Messages.Repository_at);
        publishedBy = FieldGrid.add(group, Messages.Repository_by);
        directory = FieldGrid.add(group, Messages.Repository_directory);

        Composite tableArea = new Composite(group, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 120).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        files = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        WidgetIds.name(files.getTable(), CaWidgetIds.PUBLISH_TABLE);
        files.getTable().setHeaderVisible(true);
        files.getTable().setLinesVisible(true);
        files.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(files);
        ViewerColumns.add(files, columns, PublishedFile.class, Messages.Repository_colFile, new ColumnWeightData(30, 120),
                PublishedFile::name, null, null, null);
        ViewerColumns.add(files, columns, PublishedFile.class, Messages.Repository_colSize, new ColumnPixelData(80),
                file -> NLS.bind(Messages.Repository_bytes, file.size()), null, null, null);
        ViewerColumns.add(files, columns, PublishedFile.class, Messages.Repository_colSha256, new ColumnWeightData(70, 160),
                PublishedFile::sha256, null, null, PublishedFile::sha256);

        publishNow = WidgetIds.name(new Button(group, SWT.PUSH), CaWidgetIds.PUBLISH_NOW);
        publishNow.setText(Messages.Repository_publishNow);
        publishNow.addListener(SWT.Selection, event -> publish());
        publishFeedback = WidgetIds.name(new Label(group, SWT.WRAP), CaWidgetIds.PUBLISH_FEEDBACK);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(publishFeedback);
    }

    private void refresh() {
        CaService service = ca;
        if (service == null) {
            state(crlState, Messages.Ca_unavailable, HealthStatus.CRITICAL);
        } else {
            CaCalls.read(sync, crlState, Messages.Crl_readJob, service::latestCrl, this::showCrl,
                    e -> state(crlState, NLS.bind(Messages.Crl_readFailed, Formats.describe(e)), HealthStatus.CRITICAL));
        }
        CaRepositoryService repo = repository;
        if (repo == null) {
            state(publishState, Messages.Repository_unavailable, HealthStatus.CRITICAL);
        } else {
            CaCalls.read(sync, publishState, Messages.Repository_readJob, repo::lastPublish, this::showPublish,
                    e -> state(publishState, NLS.bind(Messages.Repository_readFailed, Formats.describe(e)), HealthStatus.CRITICAL));
        }
    }

    private void showCrl(java.util.Optional<SignedCrl> latest) {
        crl = latest.orElse(null);
        if (crl == null) {
            state(crlState, Messages.Crl_none, HealthStatus.WARNING);
            for (Label label : List.of(number, thisUpdate, nextUpdate, reissue, revoked)) {
                label.setText(Formats.NONE);
            }
        } else {
            number.setText(crl.number().toString());
            thisUpdate.setText(Formats.full(crl.thisUpdate()));
            revoked.setText(Integer.toString(crl.revokedCount()));
            countdownTexts(Instant.now());
        }
        crlState.getParent().layout(true, true);
    }

    private void countdownTexts(Instant now) {
        if (crl == null) {
            return;
        }
        nextUpdate.setText(Formats.full(crl.nextUpdate()) + "\n" + Formats.expiry(java.util.Optional.of(crl.nextUpdate()), now));
        Instant due = crl.nextUpdate().minus(REISSUE_BEFORE);
        reissue.setText(Formats.full(due) + "\n" + Formats.relative(due, now));
        if (!crl.nextUpdate().isAfter(now)) {
            state(crlState, Messages.Crl_expired, HealthStatus.CRITICAL);
        } else if (!due.isAfter(now)) {
            state(crlState, Messages.Crl_overdue, HealthStatus.WARNING);
        } else {
            state(crlState, Messages.Crl_current, HealthStatus.OK);
        }
    }

    private void showPublish(java.util.Optional<PublishReport> report) {
        lastPublish = report.orElse(null);
        if (lastPublish == null) {
            state(publishState, Messages.Repository_never, HealthStatus.WARNING);
            files.setInput(List.of());
            return;
        }
        if (lastPublish.succeeded()) {
            state(publishState, NLS.bind(Messages.Repository_ok, lastPublish.files().size()), HealthStatus.OK);
        } else {
            state(publishState, NLS.bind(Messages.Repository_failed, lastPublish.error().get()), HealthStatus.CRITICAL);
        }
        publishedAt.setText(Formats.full(lastPublish.at()) + "  (" + Formats.relative(lastPublish.at(), Instant.now()) + ")");
        publishedBy.setText(lastPublish.by());
        directory.setText(lastPublish.directory());
        files.setInput(lastPublish.files());
        publishState.getParent().layout(true, true);
    }

    private void state(Label label, String text, HealthStatus status) {
        label.setText(text);
        label.setForeground(style.color(status));
    }

    private void issueCrl() {
        CaService service = ca;
        Session by = session;
        if (service == null || by == null) {
            crlFeedback.setText(service == null ? Messages.Ca_unavailable : Messages.Ca_noSession);
            return;
        }
        issueNow.setEnabled(false);
        crlFeedback.setText(Messages.Crl_issuing);
        CaCalls.change(sync, issueNow, Messages.Crl_issueJob, () -> service.issueCrl(by), issued -> {
            issueNow.setEnabled(true);
            crlFeedback.setText(NLS.bind(Messages.Crl_issued, issued.number(), issued.revokedCount()));
            showCrl(java.util.Optional.of(issued));
        }, e -> {
            issueNow.setEnabled(true);
            crlFeedback.setText(NLS.bind(Messages.Crl_issueFailed, Formats.describe(e)));
            crlFeedback.getParent().layout(true, true);
        });
    }

    private void publish() {
        CaRepositoryService repo = repository;
        Session by = session;
        if (repo == null || by == null) {
            publishFeedback.setText(repo == null ? Messages.Repository_unavailable : Messages.Ca_noSession);
            return;
        }
        // What a publish replaces is what the last one wrote; before the first there is nothing to replace.
        String touched = lastPublish == null ? Messages.Repository_confirmFirst
                : NLS.bind(Messages.Repository_confirm, lastPublish.directory(),
                        String.join(", ", lastPublish.files().stream().map(PublishedFile::name).toList()));
        MessageDialog confirm = new MessageDialog(publishNow.getShell(), Messages.Repository_publishNow, null, touched,
                MessageDialog.QUESTION, 1, Messages.Repository_publishNow, renkei.app.internal.Messages.Button_cancel);
        if (confirm.open() != 0) {
            return;
        }
        publishNow.setEnabled(false);
        publishFeedback.setText(Messages.Repository_publishing);
        CaCalls.change(sync, publishNow, Messages.Repository_publishJob, () -> repo.publish(by), report -> {
            publishNow.setEnabled(true);
            publishFeedback.setText("");
            showPublish(java.util.Optional.of(report));
        }, e -> {
            publishNow.setEnabled(true);
            publishFeedback.setText(NLS.bind(Messages.Repository_publishFailed, Formats.describe(e)));
            publishFeedback.getParent().layout(true, true);
        });
    }

    private void countdown() {
        if (crlState.isDisposed()) {
            return;
        }
        if (crlState.isVisible()) {
            countdownTexts(Instant.now());
        }
        crlState.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    @Inject
    @Optional
    void caChanged(@UIEventTopic(CaService.TOPIC_CHANGED) Object event) {
        if (crlState != null && !crlState.isDisposed()) {
            refresh();
        }
    }

    @Focus
    void setFocus() {
        issueNow.setFocus();
    }
}
