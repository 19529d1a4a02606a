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
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnPixelData;
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
    private StatusText crlState;
    private Label number;
    private Label thisUpdate;
    private Label nextUpdate;
    private Label reissue;
    private Label revoked;
    private Button issueNow;
    private StatusText crlFeedback;
    private StatusText publishState;
    private Label publishedAt;
    private Label publishedBy;
    private Label directory;
    private TableViewer files;
    private Button publishNow;
    private StatusText publishFeedback;
    private boolean issuing;
    private boolean publishing;
    private SignedCrl crl;
    private PublishReport lastPublish;
    private final Runnable countdown = this::countdown;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(false).margins(8, 8).spacing(10, 8).applyTo(parent);
        style = new StatusStyle(parent);
        createCrl(parent);
        createRepository(parent);
        updateActions();
        refresh();
        parent.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    private void createCrl(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.Crl_title);
        GridDataFactory.fillDefaults().grab(false, true).hint(420, SWT.DEFAULT).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 6).applyTo(group);
        crlState = banner(group, CaWidgetIds.CRL_STATE, 380);
        number = WidgetIds.name(FieldGrid.add(group, Messages.Crl_number), CaWidgetIds.CRL_NUMBER);
        thisUpdate = FieldGrid.add(group, Messages.Crl_thisUpdate);
        nextUpdate = WidgetIds.name(FieldGrid.add(group, Messages.Crl_nextUpdate), CaWidgetIds.CRL_NEXT_UPDATE);
        reissue = FieldGrid.add(group, Messages.Crl_reissue);
        revoked = FieldGrid.add(group, Messages.Crl_revoked);
        issueNow = WidgetIds.name(CaWidgets.button(group, Messages.Crl_issueNow, this::issueCrl), CaWidgetIds.CRL_ISSUE_NOW);
        GridDataFactory.fillDefaults().indent(0, 10).span(2, 1).align(SWT.BEGINNING, SWT.CENTER).applyTo(issueNow);
        crlFeedback = feedback(group, CaWidgetIds.CRL_FEEDBACK, 2, 380);
    }

    private void createRepository(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.Repository_title);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 6).applyTo(group);
        publishState = banner(group, null, 400);
        publishedAt = FieldGrid.add(group, Messages.Repository_at);
        publishedBy = FieldGrid.add(group, Messages.Repository_by);
        directory = FieldGrid.add(group, Messages.Repository_directory);

        CaTable<PublishedFile> table = new CaTable<>(group, CaWidgetIds.PUBLISH_TABLE, PublishedFile.class);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 120).applyTo(table.area());
        files = table.viewer();
        table.column(Messages.Repository_colFile, new ColumnWeightData(30, 120), PublishedFile::name, null, null, null);
        table.column(Messages.Repository_colSize, new ColumnPixelData(80), file -> NLS.bind(Messages.Repository_bytes, file.size()),
                null, null, null);
        table.column(Messages.Repository_colSha256, new ColumnWeightData(70, 160), PublishedFile::sha256, null, null,
                PublishedFile::sha256);

        publishNow = WidgetIds.name(CaWidgets.button(group, Messages.Repository_publishNow, this::publish), CaWidgetIds.PUBLISH_NOW);
        publishFeedback = feedback(group, CaWidgetIds.PUBLISH_FEEDBACK, 1, SWT.DEFAULT);
    }

    /** The group's headline: its state in the banner font, coloured by health. */
    private StatusText banner(Group group, String widgetId, int width) {
        Label label = new Label(group, SWT.WRAP);
        if (widgetId != null) {
            WidgetIds.name(label, widgetId);
        }
        label.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(width, SWT.DEFAULT).applyTo(label);
        return new StatusText(label, style);
    }

    /** Where an action says how it went, or why it cannot run. */
    private StatusText feedback(Group group, String widgetId, int span, int width) {
        Label label = WidgetIds.name(new Label(group, SWT.WRAP), widgetId);
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false).align(SWT.FILL, SWT.CENTER).hint(width, SWT.DEFAULT)
                .applyTo(label);
        return new StatusText(label, style);
    }

    /** "Issue CRL now" and "Publish now" need their service and an operator session; without, they say which is missing. */
    private void updateActions() {
        if (!issuing && CaWidgets.enable(issueNow, CaWidgets.missing(ca, Messages.Ca_unavailable, session), crlFeedback)) {
            issueNow.setToolTipText(Messages.Crl_issueNowTooltip);
        }
        if (!publishing) {
            CaWidgets.enable(publishNow, CaWidgets.missing(repository, Messages.Repository_unavailable, session), publishFeedback);
        }
    }

    private void refresh() {
        CaService service = ca;
        if (service == null) {
            crlState.fail(Messages.Ca_unavailable);
        } else {
            CaCalls.read(sync, crlState.label(), Messages.Crl_readJob, service::latestCrl, this::showCrl,
                    e -> crlState.fail(NLS.bind(Messages.Crl_readFailed, Formats.describe(e))));
        }
        CaRepositoryService repo = repository;
        if (repo == null) {
            publishState.fail(Messages.Repository_unavailable);
        } else {
            CaCalls.read(sync, publishState.label(), Messages.Repository_readJob, repo::lastPublish, this::showPublish,
                    e -> publishState.fail(NLS.bind(Messages.Repository_readFailed, Formats.describe(e))));
        }
    }

    private void showCrl(java.util.Optional<SignedCrl> latest) {
        crl = latest.orElse(null);
        if (crl == null) {
            crlState.show(Messages.Crl_none, HealthStatus.WARNING);
            for (Label label : List.of(number, thisUpdate, nextUpdate, reissue, revoked)) {
                label.setText(Formats.NONE);
            }
        } else {
            number.setText(crl.number().toString());
            thisUpdate.setText(Formats.full(crl.thisUpdate()));
            revoked.setText(Integer.toString(crl.revokedCount()));
            countdownTexts(Instant.now());
        }
    }

    private void countdownTexts(Instant now) {
        if (crl == null) {
            return;
        }
        nextUpdate.setText(Formats.full(crl.nextUpdate()) + "\n" + Formats.expiry(java.util.Optional.of(crl.nextUpdate()), now));
        Instant due = crl.nextUpdate().minus(REISSUE_BEFORE);
        reissue.setText(Formats.full(due) + "\n" + Formats.relative(due, now));
        if (!crl.nextUpdate().isAfter(now)) {
            crlState.show(Messages.Crl_expired, HealthStatus.CRITICAL);
        } else if (!due.isAfter(now)) {
            crlState.show(Messages.Crl_overdue, HealthStatus.WARNING);
        } else {
            crlState.show(Messages.Crl_current, HealthStatus.OK);
        }
    }

    private void showPublish(java.util.Optional<PublishReport> report) {
        lastPublish = report.orElse(null);
        if (lastPublish == null) {
            publishState.show(Messages.Repository_never, HealthStatus.WARNING);
            files.setInput(List.of());
            return;
        }
        if (lastPublish.succeeded()) {
            publishState.show(NLS.bind(Messages.Repository_ok, lastPublish.files().size()), HealthStatus.OK);
        } else {
            publishState.show(NLS.bind(Messages.Repository_failed, lastPublish.error().get()), HealthStatus.CRITICAL);
        }
        publishedAt.setText(Formats.full(lastPublish.at()) + "  (" + Formats.relative(lastPublish.at(), Instant.now()) + ")");
        publishedBy.setText(lastPublish.by());
        directory.setText(lastPublish.directory());
        files.setInput(lastPublish.files());
    }

    private void issueCrl() {
        CaService service = ca;
        Session by = session;
        if (!CaWidgets.enable(issueNow, CaWidgets.missing(service, Messages.Ca_unavailable, by), crlFeedback)) {
            return;
        }
        issuing = true;
        issueNow.setEnabled(false);
        crlFeedback.plain(Messages.Crl_issuing);
        CaCalls.change(sync, issueNow, Messages.Crl_issueJob, () -> service.issueCrl(by), issued -> {
            issuing = false;
            issueNow.setEnabled(true);
            crlFeedback.plain(NLS.bind(Messages.Crl_issued, issued.number(), issued.revokedCount()));
            showCrl(java.util.Optional.of(issued));
        }, e -> {
            issuing = false;
            issueNow.setEnabled(true);
            crlFeedback.fail(NLS.bind(Messages.Crl_issueFailed, Formats.describe(e)));
        });
    }

    private void publish() {
        CaRepositoryService repo = repository;
        Session by = session;
        if (!CaWidgets.enable(publishNow, CaWidgets.missing(repo, Messages.Repository_unavailable, by), publishFeedback)) {
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
        publishing = true;
        publishNow.setEnabled(false);
        publishFeedback.plain(Messages.Repository_publishing);
        CaCalls.change(sync, publishNow, Messages.Repository_publishJob, () -> repo.publish(by), report -> {
            publishing = false;
            publishNow.setEnabled(true);
            publishFeedback.plain("");
            showPublish(java.util.Optional.of(report));
        }, e -> {
            publishing = false;
            publishNow.setEnabled(true);
            publishFeedback.fail(NLS.bind(Messages.Repository_publishFailed, Formats.describe(e)));
        });
    }

    private void countdown() {
        Label label = crlState.label();
        if (label.isDisposed()) {
            return;
        }
        if (label.isVisible()) {
            countdownTexts(Instant.now());
        }
        label.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    @Inject
    @Optional
    void caChanged(@UIEventTopic(CaService.TOPIC_CHANGED) Object event) {
        if (crlState != null && !crlState.label().isDisposed()) {
            updateActions();
            refresh();
        }
    }

    @Focus
    void setFocus() {
        issueNow.setFocus();
    }
}
