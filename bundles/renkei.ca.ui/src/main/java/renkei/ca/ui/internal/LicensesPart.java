// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

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
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.ca.core.CaService;
import renkei.ca.core.LicenseInfo;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * License ID management (CA-05): every license ID, newest first, optionally for one HPCI-ID, with
 * its state, expiry and the certificate it was redeemed for; issuing new ones and withdrawing unused
 * ones (after showing which). Reads in jobs, when shown and on CA changes. UI thread only.
 */
public final class LicensesPart {

    private static final int LIMIT = 500;

    @Inject
    @Optional
    @Service
    private CaService ca;

    @Inject
    @Optional
    private Session session;

    @Inject
    private UISynchronize sync;

    private StatusStyle style;
    private Text filter;
    private Text reason;
    private Button withdraw;
    private StatusText summary;
    private CaTable<LicenseInfo> table;
    private TableViewer viewer;
    private final CaCalls.Latest reads = new CaCalls.Latest();

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        style = new StatusStyle(parent);
        Composite bar = CaWidgets.row(parent, 8);
        filter = CaWidgets.filter(bar, Messages.Licenses_hpciId, 140, Messages.Licenses_show, this::refresh);
        CaWidgets.button(bar, Messages.Licenses_issue,
                () -> new IssueDialog(parent.getShell(), ca, session, sync, IssueDialog.Tab.LICENSE).open());
        withdraw = CaWidgets.button(bar, Messages.Licenses_withdraw, this::withdrawSelected);
        withdraw.setEnabled(false);
        new Label(bar, SWT.NONE).setText(Messages.Licenses_reason);
        reason = new Text(bar, SWT.BORDER | SWT.SINGLE);
        reason.setMessage(Messages.Licenses_reasonHint);
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(reason);
        summary = StatusText.atEndOf(bar, CaWidgetIds.LICENSE_SUMMARY, style);

        table = new CaTable<>(parent, CaWidgetIds.LICENSE_TABLE, LicenseInfo.class);
        viewer = table.viewer();
        // License IDs, HPCI-IDs and times have a fixed length: their columns fit them, the rest share what is left.
        table.column(Messages.Licenses_colState, new ColumnPixelData(125),
                l -> CaTexts.license(l.state()), l -> style.icon(CaTexts.health(l.state())), null, null);
        table.column(Messages.Licenses_colId, new ColumnPixelData(230),
                LicenseInfo::licenseId, null, null, LicenseInfo::licenseId);
        table.column(Messages.Licenses_colHpciId, new ColumnPixelData(100),
                LicenseInfo::hpciId, null, null, null);
        table.column(Messages.Licenses_colEppn, new ColumnWeightData(45, 170),
                LicenseInfo::eppn, null, null, LicenseInfo::eppn);
        table.column(Messages.Licenses_colIssued, new ColumnPixelData(100),
                l -> Formats.when(l.issuedAt(), Instant.now()), null, null, l -> Formats.full(l.issuedAt()));
        table.column(Messages.Licenses_colExpires, new ColumnPixelData(120),
                l -> l.state() == LicenseInfo.State.UNUSED ? Formats.expiry(java.util.Optional.of(l.expiresAt()), Instant.now())
                        : Formats.NONE, null, null, l -> Formats.full(l.expiresAt()));
        table.column(Messages.Licenses_colIssuedBy, new ColumnPixelData(80),
                LicenseInfo::issuedBy, null, null, null);
        table.column(Messages.Licenses_colRedeemed, new ColumnWeightData(55, 120),
                l -> l.redeemedSerial().orElse(""), null, null,
                l -> l.redeemedSerial().map(serial -> serial + "\n" + Formats.full(l.redeemedAt())).orElse(null));
        viewer.addSelectionChangedListener(event -> {
            LicenseInfo selected = table.selected();
            withdraw.setEnabled(selected != null && selected.state() == LicenseInfo.State.UNUSED);
        });
        refresh();
    }

    private void refresh() {
        CaService service = ca;
        Session by = session;
        java.util.Optional<String> missing = CaWidgets.missing(service, Messages.Ca_unavailable, by);
        if (missing.isPresent()) {
            summary.fail(missing.get());
            return;
        }
        java.util.Optional<String> hpciId = java.util.Optional.of(filter.getText().strip()).filter(id -> !id.isEmpty());
        summary.plain(Messages.Licenses_loading);
        reads.read(sync, summary.label(), Messages.Licenses_job, () -> service.licenses(by, hpciId, LIMIT), this::show,
                e -> summary.fail(NLS.bind(Messages.Licenses_failed, Formats.describe(e))));
    }

    private void show(List<LicenseInfo> found) {
        viewer.setInput(found);
        withdraw.setEnabled(false);
        long unused = found.stream().filter(l -> l.state() == LicenseInfo.State.UNUSED).count();
        summary.plain(NLS.bind(Messages.Licenses_summary, found.size(), unused));
    }

    private void withdrawSelected() {
        LicenseInfo license = table.selected();
        CaService service = ca;
        Session by = session;
        if (license == null || service == null || by == null) {
            return;
        }
        String why = reason.getText().strip();
        if (why.isEmpty()) {
            summary.show(Messages.Licenses_reasonMissing, HealthStatus.WARNING);
            return;
        }
        String question = NLS.bind(Messages.Licenses_withdrawConfirm, new Object[] { license.licenseId(), license.hpciId(),
                license.eppn(), Formats.full(license.expiresAt()), why });
        MessageDialog confirm = new MessageDialog(withdraw.getShell(), Messages.Licenses_withdraw, null, question,
                MessageDialog.WARNING, 1, Messages.Licenses_withdraw, renkei.app.internal.Messages.Button_cancel);
        if (confirm.open() != 0) {
            return;
        }
        withdraw.setEnabled(false);
        CaCalls.change(sync, summary.label(), NLS.bind(Messages.Licenses_withdrawJob, license.licenseId()), () -> {
            service.withdrawLicense(by, license.licenseId(), why);
            return license.licenseId();
        }, id -> {
            reason.setText("");
            refresh();
        }, e -> summary.fail(NLS.bind(Messages.Licenses_withdrawFailed, Formats.describe(e))));
    }

    @Inject
    @Optional
    void caChanged(@UIEventTopic(CaService.TOPIC_CHANGED) Object event) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            refresh();
        }
    }

    @Focus
    void setFocus() {
        filter.setFocus();
    }
}
