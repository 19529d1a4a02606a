// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.time.Instant;

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
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * The CA signing key (CA-12): where it lives, the CA certificate's subject, expiry and
 * fingerprint, and whether it is activated, until when and by whom; activation by two operators
 * and deactivation by one. Reads in a job when shown and on {@link CaKeyService#TOPIC_KEY}; the
 * countdown ticks on the UI thread. UI thread only.
 */
public final class CaKeyPart {

    private static final int COUNTDOWN_MILLIS = 5_000;

    @Inject
    @Optional
    @Service
    private CaKeyService keys;

    @Inject
    @Optional
    @Service
    private IdentityService identity;

    @Inject
    @Optional
    private Session session;

    @Inject
    private UISynchronize sync;

    private StatusStyle style;
    private StatusText state;
    private Label keyStore;
    private Label subject;
    private Label caExpiry;
    private Label fingerprint;
    private Label activeUntil;
    private Label activatedBy;
    private Button activate;
    private Button deactivate;
    private Text reason;
    private StatusText feedback;
    private KeyStatus status;
    private final Runnable countdown = this::countdown;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(12, 6).applyTo(parent);
        style = new StatusStyle(parent);
        Label title = new Label(parent, SWT.NONE);
        title.setText(Messages.Key_title);
        title.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(title);
        Label stateLabel = WidgetIds.name(new Label(parent, SWT.WRAP), CaWidgetIds.KEY_STATE);
        stateLabel.setFont(JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(stateLabel);
        state = new StatusText(stateLabel, style);
        keyStore = FieldGrid.add(parent, Messages.Key_store);
        subject = FieldGrid.add(parent, Messages.Key_subject);
        caExpiry = FieldGrid.add(parent, Messages.Key_caExpiry);
        fingerprint = FieldGrid.add(parent, Messages.Key_fingerprint);
        activeUntil = WidgetIds.name(FieldGrid.add(parent, Messages.Key_activeUntil), CaWidgetIds.KEY_ACTIVE_UNTIL);
        activatedBy = WidgetIds.name(FieldGrid.add(parent, Messages.Key_activatedBy), CaWidgetIds.KEY_ACTIVATED_BY);

        Composite buttons = CaWidgets.row(parent, 4);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 10).grab(true, false).applyTo(buttons);
        activate = WidgetIds.name(CaWidgets.button(buttons, Messages.Key_activate, this::activate), CaWidgetIds.KEY_ACTIVATE);
        deactivate = WidgetIds.name(CaWidgets.button(buttons, Messages.Key_deactivate, this::deactivate), CaWidgetIds.KEY_DEACTIVATE);
        new Label(buttons, SWT.NONE).setText(Messages.Key_reason);
        reason = WidgetIds.name(new Text(buttons, SWT.BORDER | SWT.SINGLE), CaWidgetIds.KEY_REASON);
        reason.setMessage(Messages.Key_reasonHint);
        GridDataFactory.fillDefaults().hint(240, SWT.DEFAULT).applyTo(reason);
        Label feedbackLabel = WidgetIds.name(new Label(parent, SWT.WRAP), CaWidgetIds.KEY_FEEDBACK);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(feedbackLabel);
        feedback = new StatusText(feedbackLabel, style);
        updateButtons();
        refresh();
        parent.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    private void refresh() {
        CaKeyService service = keys;
        if (service == null) {
            show(Messages.Key_unavailable, HealthStatus.CRITICAL);
            return;
        }
        CaCalls.read(sync, state.label(), Messages.Key_readJob, service::status, this::show,
                e -> show(NLS.bind(Messages.Key_readFailed, Formats.describe(e)), HealthStatus.CRITICAL));
    }

    private void show(KeyStatus read) {
        status = read;
        keyStore.setText(read.keyStore());
        subject.setText(read.caSubject().map(CertificateDetails::slashForm).orElse(Formats.NONE));
        fingerprint.setText(read.sha256Fingerprint().orElse(Formats.NONE));
        activatedBy.setText(read.activatedBy().isEmpty() ? Formats.NONE : String.join(", ", read.activatedBy()));
        timeTexts(Instant.now());
        updateButtons();
        keyStore.getParent().layout(true, true);
    }

    private void timeTexts(Instant now) {
        if (status == null) {
            return;
        }
        caExpiry.setText(status.caNotAfter().map(at -> Formats.full(at) + "  (" + Formats.expiry(java.util.Optional.of(at), now) + ")")
                .orElse(Formats.NONE));
        activeUntil.setText(status.activeUntil().filter(now::isBefore)
                .map(at -> Formats.full(at) + "  (" + Formats.expiry(java.util.Optional.of(at), now) + ")").orElse(Formats.NONE));
        if (!status.initialised()) {
            show(Messages.Key_notInitialised, HealthStatus.WARNING);
        } else if (status.isActive(now)) {
            show(Messages.Key_active, HealthStatus.OK);
        } else {
            show(Messages.Key_inactive, HealthStatus.WARNING);
        }
    }

    private void show(String text, HealthStatus health) {
        state.show(text, health);
    }

    private void updateButtons() {
        boolean initialised = status != null && status.initialised();
        activate.setEnabled(keys != null && identity != null && initialised);
        deactivate.setEnabled(keys != null && session != null && initialised && status.isActive(Instant.now()));
    }

    private void activate() {
        KeyActivationDialog dialog = new KeyActivationDialog(activate.getShell(), identity, keys, sync);
        if (dialog.open() == Window.OK && dialog.result() != null) {
            show(dialog.result());
            feedback.plain(NLS.bind(Messages.Key_activated, String.join(", ", dialog.result().activatedBy())));
        }
    }

    private void deactivate() {
        CaKeyService service = keys;
        Session by = session;
        String why = reason.getText().strip();
        if (why.isEmpty()) {
            feedback.show(Messages.Key_reasonMissing, HealthStatus.WARNING);
            return;
        }
        MessageDialog confirm = new MessageDialog(deactivate.getShell(), Messages.Key_deactivate, null,
                Messages.Key_deactivateConfirm, MessageDialog.WARNING, 1, Messages.Key_deactivate,
                renkei.app.internal.Messages.Button_cancel);
        if (confirm.open() != 0) {
            return;
        }
        deactivate.setEnabled(false);
        CaCalls.change(sync, deactivate, Messages.Key_deactivateJob, () -> service.deactivate(by, why), done -> {
            reason.setText("");
            feedback.plain(Messages.Key_deactivated);
            show(done);
        }, e -> {
            feedback.fail(NLS.bind(Messages.Key_deactivateFailed, Formats.describe(e)));
            updateButtons();
        });
    }

    private void countdown() {
        Label label = state.label();
        if (label.isDisposed()) {
            return;
        }
        if (label.isVisible()) {
            timeTexts(Instant.now());
            updateButtons();
        }
        label.getDisplay().timerExec(COUNTDOWN_MILLIS, countdown);
    }

    @Inject
    @Optional
    void keyChanged(@UIEventTopic(CaKeyService.TOPIC_KEY) Object event) {
        if (state != null && !state.label().isDisposed()) {
            refresh();
        }
    }

    @Focus
    void setFocus() {
        activate.setFocus();
    }
}
