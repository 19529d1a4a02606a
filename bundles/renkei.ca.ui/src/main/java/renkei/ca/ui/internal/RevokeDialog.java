// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Dialogs;
import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.ca.core.CaService;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.core.RevocationPreview;
import renkei.ca.core.RevocationReason;
import renkei.ca.core.SignedCrl;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * Revocation with its consequences shown first: the certificate, the grid-mapfile lines that will
 * disappear, the number and size of the CRL issued with it; the operator picks the RFC 5280 reason
 * and may give a reference (e.g. the secretariat's request number), then confirms. The preview and
 * the revocation run in jobs; the dialog stays open, and says why, when the CA refuses. UI thread
 * only.
 */
final class RevokeDialog extends CaDialog {

    /** removeFromCRL only makes sense in delta CRLs, which this CA does not issue. */
    private static final List<RevocationReason> REASONS = Arrays.stream(RevocationReason.values())
            .filter(reason -> reason != RevocationReason.removeFromCRL).toList();

    private final CaService ca;
    private final Session session;
    private final UISynchronize sync;
    private final RevocationPreview preview;
    private Combo reason;
    private Text reference;
    private Label problem;
    private StatusStyle style;

    private RevokeDialog(Shell parent, CaService ca, Session session, UISynchronize sync, RevocationPreview preview) {
        super(parent, Messages.Revoke_title, CaWidgetIds.REVOKE_SHELL, true);
        this.ca = ca;
        this.session = session;
        this.sync = sync;
        this.preview = preview;
    }

    /** Reads the preview in a job, then opens the dialog (or says why there is none). */
    static void start(Shell parent, CaService ca, Session session, UISynchronize sync, String serialHex) {
        CaCalls.read(sync, parent, NLS.bind(Messages.Revoke_previewJob, serialHex), () -> ca.previewRevocation(session, serialHex),
                preview -> new RevokeDialog(parent, ca, session, sync, preview).open(),
                e -> Dialogs.error(parent, Messages.Revoke_title, NLS.bind(Messages.Revoke_previewFailed, Formats.describe(e))));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        style = new StatusStyle(area);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 6).applyTo(area);
        IssuedCertificate certificate = preview.certificate();

        Label warning = new Label(area, SWT.WRAP);
        warning.setText(Messages.Revoke_warning);
        warning.setFont(JFaceResources.getBannerFont());
        warning.setForeground(style.color(HealthStatus.CRITICAL));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(warning);

        field(area, Messages.Detail_commonName, certificate.commonName());
        field(area, Messages.Detail_subject, CertificateDetails.subject(certificate));
        field(area, Messages.Detail_serial, certificate.serialHex());
        field(area, Messages.Detail_profile, CaTexts.profile(certificate.profile()));
        field(area, Messages.Detail_hpciId, certificate.hpciId().orElse(Formats.NONE));
        field(area, Messages.Detail_notAfter, Formats.full(certificate.notAfter()) + "  ("
                + Formats.expiry(java.util.Optional.of(certificate.notAfter()), Instant.now()) + ")");
        field(area, Messages.Revoke_gridMap, preview.gridMapEntries().isEmpty() ? Messages.Revoke_gridMapNone
                : String.join("\n", preview.gridMapEntries()));
        field(area, Messages.Revoke_crl, NLS.bind(Messages.Revoke_crlValue, preview.nextCrlNumber(), preview.revokedAfter()));

        new Label(area, SWT.NONE).setText(Messages.Revoke_reason);
        reason = new Combo(area, SWT.READ_ONLY | SWT.DROP_DOWN);
        reason.setItems(REASONS.stream().map(CaTexts::reason).toArray(String[]::new));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(reason);
        reason.addListener(SWT.Selection, event -> updateButton());

        new Label(area, SWT.NONE).setText(Messages.Revoke_reference);
        reference = new Text(area, SWT.BORDER | SWT.SINGLE);
        reference.setMessage(Messages.Revoke_referenceHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(reference);

        problem = new Label(area, SWT.WRAP);
        problem.setForeground(style.color(HealthStatus.CRITICAL));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(problem);
        return area;
    }

    private static void field(Composite parent, String label, String value) {
        Label name = new Label(parent, SWT.NONE);
        name.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(name);
        Text text = new Text(parent, SWT.READ_ONLY | SWT.WRAP);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).hint(440, SWT.DEFAULT).applyTo(text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Revoke_confirm, false);
        createButton(parent, IDialogConstants.CANCEL_ID, renkei.app.internal.Messages.Button_cancel, true);
        updateButton();
    }

    private void updateButton() {
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(reason.getSelectionIndex() >= 0);
        }
    }

    @Override
    protected void okPressed() {
        RevocationReason chosen = REASONS.get(reason.getSelectionIndex());
        String ref = reference.getText().strip();
        String serial = preview.certificate().serialHex();
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        problem.setText(Messages.Revoke_running);
        Shell parent = getParentShell();
        CaCalls.change(sync, getShell(), NLS.bind(Messages.Revoke_job, serial), () -> ca.revoke(session, serial, chosen, ref),
                (SignedCrl crl) -> {
                    close();
                    Dialogs.info(parent, Messages.Revoke_title, NLS.bind(Messages.Revoke_done,
                            new Object[] { serial, chosen.name(), crl.number(), crl.revokedCount() }));
                }, e -> {
                    problem.setText(NLS.bind(Messages.Revoke_failed, Formats.describe(e)));
                    problem.getParent().layout();
                    updateButton();
                });
    }
}
