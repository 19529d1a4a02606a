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
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.app.internal.parts.ViewerColumns;
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
    private Label summary;
    private TableViewer viewer;
    private int generation;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        style = new StatusStyle(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(8).spacing(6, 0).applyTo(bar);
        new Label(bar, SWT.NONE).setText(Messages.Licenses_hpciId);
        filter = new Text(bar, SWT.BORDER | SWT.SINGLE | SWT.SEARCH);
        GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(filter);
        filter.addListener(SWT.DefaultSelection, event -> refresh());
        Button show = new Button(bar, SWT.PUSH);
        show.setText(Messages.Licenses_show);
        show.addListener(SWT.Selection, event -> refresh());
        Button issue = new Button(bar, SWT.PUSH);
        issue.setText(Messages.Licenses_issue);
        issue.addListener(SWT.Selection, event -> new IssueDialog(parent.getShell(), ca, session, sync, IssueDialog.Tab.LICENSE).open());
        withdraw = new Button(bar, SWT.PUSH);
        withdraw.setText(Messages.Licenses_withdraw);
        withdraw.setEnabled(false);
        withdraw.addListener(SWT.Selection, event -> withdrawSelected());
        new Label(bar, SWT.NONE).setText(Messages.Licenses_reason);
        reason = new Text(bar, SWT.BORDER | SWT.SINGLE);
        reason.setMessage(Messages.Licenses_reasonHint);
        GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(reason);
        summary = WidgetIds.name(new Label(bar, SWT.NONE), CaWidgetIds.LICENSE_SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);

        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        WidgetIds.name(viewer.getTable(), CaWidgetIds.LICENSE_TABLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        // License IDs, HPCI-IDs and times have a fixed length: their columns fit them, the rest share what is left.
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colState, new ColumnPixelData(125),
                l -> CaTexts.license(l.state()), l -> style.icon(CaTexts.health(l.state())), null, null);
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colId, new ColumnPixelData(230),
                LicenseInfo::licenseId, null, null, LicenseInfo::licenseId);
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colHpciId, new ColumnPixelData(100),
                LicenseInfo::hpciId, null, null, null);
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colEppn, new ColumnWeightData(45, 170),
                LicenseInfo::eppn, null, null, LicenseInfo::eppn);
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colIssued, new ColumnPixelData(100),
                l -> Formats.when(l.issuedAt(), Instant.now()), null, null, l -> Formats.full(l.issuedAt()));
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colExpires, new ColumnPixelData(120),
                l -> l.state() == LicenseInfo.State.UNUSED ? Formats.expiry(java.util.Optional.of(l.expiresAt()), Instant.now())
                        : Formats.NONE, null, null, l -> Formats.full(l.expiresAt()));
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colIssuedBy, new ColumnPixelData(80),
                LicenseInfo::issuedBy, null, null, null);
        ViewerColumns.add(viewer, columns, LicenseInfo.class, Messages.Licenses_colRedeemed, new ColumnWeightData(55, 120),
                l -> l.redeemedSerial().orElse(""), null, null,
                l -> l.redeemedSerial().map(serial -> serial + "\n" + Formats.full(l.redeemedAt())).orElse(null));
        viewer.addSelectionChangedListener(event -> {
            LicenseInfo selected = selected();
            withdraw.setEnabled(selected != null && selected.state() == LicenseInfo.State.UNUSED);
        });
        refresh();
    }

    private LicenseInfo selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof LicenseInfo license ? license : null;
    }

    private void refresh() {
        CaService service = ca;
        Session by = session;
        if (service == null || by == null) {
            summary.setText(service == null ? Messages.Ca_unavailable : Messages.Ca_noSession);
            summary.setForeground(style.color(HealthStatus.CRITICAL));
            return;
        }
        java.util.Optional<String> hpciId = java.util.Optional.of(filter.getText().strip()).filter(id -> !id.isEmpty());
        int mine = ++generation;
        summary.setForeground(null);
        summary.setText(Messages.Licenses_loading);
        CaCalls.read(sync, summary, Messages.Licenses_job, () -> service.licenses(by, hpciId, LIMIT), found -> {
            if (mine == generation) {
                show(found);
            }
        }, e -> {
            if (mine == generation) {
                summary.setText(NLS.bind(Messages.Licenses_failed, Formats.describe(e)));
                summary.setForeground(style.color(HealthStatus.CRITICAL));
                summary.getParent().layout();
            }
        });
    }

    private void show(List<LicenseInfo> found) {
        viewer.setInput(found);
        withdraw.setEnabled(false);
        long unused = found.stream().filter(l -> l.state() == LicenseInfo.State.UNUSED).count();
        summary.setText(NLS.bind(Messages.Licenses_summary, found.size(), unused));
        summary.getParent().layout();
    }

    private void withdrawSelected() {
        LicenseInfo license = selected();
        CaService service = ca;
        Session by = session;
        if (license == null || service == null || by == null) {
            return;
        }
        String why = reason.getText().strip();
        if (why.isEmpty()) {
            summary.setText(Messages.Licenses_reasonMissing);
            summary.setForeground(style.color(HealthStatus.WARNING));
            summary.getParent().layout();
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
        CaCalls.change(sync, summary, NLS.bind(Messages.Licenses_withdrawJob, license.licenseId()), () -> {
            service.withdrawLicense(by, license.licenseId(), why);
            return license.licenseId();
        }, id -> {
            reason.setText("");
            refresh();
        }, e -> {
            summary.setText(NLS.bind(Messages.Licenses_withdrawFailed, Formats.describe(e)));
            summary.setForeground(style.color(HealthStatus.CRITICAL));
            summary.getParent().layout();
        });
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
