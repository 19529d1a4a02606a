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
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.app.internal.parts.ViewerColumns;
import renkei.ca.core.CaService;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.IssuedCertificate;
import renkei.ca.ui.internal.CaTexts.CertificateState;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * The certificate browser: searches the CA's certificates by CN, HPCI-ID, ePPN, serial, DN
 * fragment, status, profile and expiry window, shows the selected one decoded, and starts issuance
 * and revocation. Searches run in jobs; a newer search's result replaces an older one even if the
 * older one finishes last. Re-runs the current search when the CA reports a change. UI thread only.
 */
public final class CertificatesPart {

    private static final int LIMIT = 500;
    /** Certificates expiring sooner than this are shown in the warning colour. */
    private static final java.time.Duration SOON = java.time.Duration.ofDays(30);

    @Inject
    @Optional
    @Service
    private CaService ca;

    @Inject
    @Optional
    private Session session;

    @Inject
    private UISynchronize sync;

    private CertificateSearchForm form;
    private TableViewer viewer;
    private CertificateDetailView detail;
    private Label summary;
    private Button revoke;
    private StatusStyle style;
    private int generation;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        style = new StatusStyle(parent);
        form = new CertificateSearchForm(parent, LIMIT, this::search);

        Composite actions = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(actions);
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(6, 0).applyTo(actions);
        Button searchButton = WidgetIds.name(button(actions, Messages.Search_run), CaWidgetIds.SEARCH_BUTTON);
        searchButton.addListener(SWT.Selection, event -> search());
        button(actions, Messages.Search_clear).addListener(SWT.Selection, event -> {
            form.clear();
            search();
        });
        Button issue = WidgetIds.name(button(actions, Messages.Certificates_issue), CaWidgetIds.ISSUE);
        issue.addListener(SWT.Selection, event -> new IssueDialog(parent.getShell(), ca, session, sync, IssueDialog.Tab.LICENSE).open());
        revoke = WidgetIds.name(button(actions, Messages.Certificates_revoke), CaWidgetIds.REVOKE);
        revoke.setEnabled(false);
        revoke.addListener(SWT.Selection, event -> revokeSelected());
        summary = WidgetIds.name(new Label(actions, SWT.NONE), CaWidgetIds.SEARCH_SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTable(sash);
        detail = new CertificateDetailView(sash, sync);
        sash.setWeights(60, 40);

        search();
    }

    private static Button button(Composite parent, String text) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        return button;
    }

    private void createTable(Composite parent) {
        Composite tableArea = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        WidgetIds.name(viewer.getTable(), CaWidgetIds.CERTIFICATE_TABLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        ViewerColumns.add(viewer, columns, IssuedCertificate.class, Messages.Certificates_colState, new ColumnPixelData(85),
                c -> CaTexts.state(state(c)), c -> style.icon(CaTexts.health(state(c))), null,
                c -> c.revocationReason().map(CaTexts::reason).orElse(null));
        ViewerColumns.add(viewer, columns, IssuedCertificate.class, Messages.Certificates_colCn, new ColumnWeightData(65, 160),
                IssuedCertificate::commonName, null, null, CertificateDetails::subject);
        ViewerColumns.add(viewer, columns, IssuedCertificate.class, Messages.Certificates_colProfile, new ColumnPixelData(80),
                c -> CaTexts.profile(c.profile()), null, null, null);
        ViewerColumns.add(viewer, columns, IssuedCertificate.class, Messages.Certificates_colSerial, new ColumnWeightData(35, 70),
                IssuedCertificate::serialHex, null, null, IssuedCertificate::serialHex);
        ViewerColumns.add(viewer, columns, IssuedCertificate.class, Messages.Certificates_colExpires, new ColumnPixelData(95),
                c -> Formats.expiry(java.util.Optional.of(c.notAfter()), Instant.now()), null,
                c -> state(c) == CertificateState.VALID && c.notAfter().isBefore(Instant.now().plus(SOON))
                        ? style.color(HealthStatus.WARNING) : null,
                c -> Formats.full(c.notAfter()));
        ViewerColumns.add(viewer, columns, IssuedCertificate.class, Messages.Certificates_colHpciId, new ColumnPixelData(95),
                c -> c.hpciId().orElse(""), null, null, c -> c.eppn().orElse(null));
        viewer.addSelectionChangedListener(event -> {
            IssuedCertificate selected = selected();
            detail.show(selected);
            revoke.setEnabled(selected != null && selected.status() == IssuedCertificate.Status.VALID);
        });
    }

    private static CertificateState state(IssuedCertificate certificate) {
        return CertificateState.of(certificate, Instant.now());
    }

    private IssuedCertificate selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof IssuedCertificate certificate ? certificate : null;
    }

    private void search() {
        CaService service = ca;
        Session by = session;
        if (service == null || by == null) {
            summary.setText(service == null ? Messages.Ca_unavailable : Messages.Ca_noSession);
            summary.setForeground(style.color(HealthStatus.CRITICAL));
            return;
        }
        CertificateQuery query = form.query(Instant.now());
        int mine = ++generation;
        summary.setForeground(null);
        summary.setText(Messages.Search_running);
        CaCalls.read(sync, summary, Messages.Search_job, () -> service.search(by, query), found -> {
            if (mine == generation) {
                show(found);
            }
        }, e -> {
            if (mine == generation) {
                summary.setText(NLS.bind(Messages.Search_failed, Formats.describe(e)));
                summary.setForeground(style.color(HealthStatus.CRITICAL));
                summary.getParent().layout();
            }
        });
    }

    private void show(List<IssuedCertificate> found) {
        IssuedCertificate before = selected();
        viewer.setInput(found);
        IssuedCertificate again = before == null ? null
                : found.stream().filter(c -> c.serialHex().equals(before.serialHex())).findFirst().orElse(null);
        viewer.setSelection(again == null ? StructuredSelection.EMPTY : new StructuredSelection(again), true);
        if (again == null) {
            detail.show(null);
            revoke.setEnabled(false);
        }
        summary.setText(found.size() >= LIMIT ? NLS.bind(Messages.Search_foundLimited, found.size())
                : NLS.bind(Messages.Search_found, found.size()));
        summary.getParent().layout();
    }

    private void revokeSelected() {
        IssuedCertificate certificate = selected();
        CaService service = ca;
        Session by = session;
        if (certificate == null || service == null || by == null) {
            return;
        }
        RevokeDialog.start(viewer.getControl().getShell(), service, by, sync, certificate.serialHex());
    }

    @Inject
    @Optional
    void caChanged(@UIEventTopic(CaService.TOPIC_CHANGED) Object event) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            search();
        }
    }

    @Focus
    void setFocus() {
        form.focus();
    }
}
