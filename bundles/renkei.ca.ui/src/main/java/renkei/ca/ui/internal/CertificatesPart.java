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
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
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
    private CaTable<IssuedCertificate> table;
    private TableViewer viewer;
    private CertificateDetailView detail;
    private StatusText summary;
    private Button revoke;
    private StatusStyle style;
    private final CaCalls.Latest searches = new CaCalls.Latest();

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        style = new StatusStyle(parent);
        form = new CertificateSearchForm(parent, LIMIT, this::search);

        Composite actions = CaWidgets.row(parent, 5);
        WidgetIds.name(CaWidgets.button(actions, Messages.Search_run, this::search), CaWidgetIds.SEARCH_BUTTON);
        WidgetIds.name(CaWidgets.button(actions, Messages.Search_clear, () -> {
            form.clear();
            search();
        }), CaWidgetIds.SEARCH_CLEAR);
        WidgetIds.name(CaWidgets.button(actions, Messages.Certificates_issue,
                () -> new IssueDialog(parent.getShell(), ca, session, sync, IssueDialog.Tab.LICENSE).open()), CaWidgetIds.ISSUE);
        revoke = WidgetIds.name(CaWidgets.button(actions, Messages.Certificates_revoke, this::revokeSelected), CaWidgetIds.REVOKE);
        revoke.setEnabled(false);
        summary = StatusText.atEndOf(actions, CaWidgetIds.SEARCH_SUMMARY, style);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTable(sash);
        detail = new CertificateDetailView(sash, sync);
        sash.setWeights(60, 40);

        search();
    }

    private void createTable(Composite parent) {
        table = new CaTable<>(parent, CaWidgetIds.CERTIFICATE_TABLE, IssuedCertificate.class);
        viewer = table.viewer();
        table.column(Messages.Certificates_colState, new ColumnPixelData(85),
                c -> CaTexts.state(state(c)), c -> style.icon(CaTexts.health(state(c))), null,
                c -> c.revocationReason().map(CaTexts::reason).orElse(null));
        table.column(Messages.Certificates_colCn, new ColumnWeightData(65, 160),
                IssuedCertificate::commonName, null, null, CertificateDetails::subject);
        table.column(Messages.Certificates_colProfile, new ColumnPixelData(80),
                c -> CaTexts.profile(c.profile()), null, null, null);
        table.column(Messages.Certificates_colSerial, new ColumnWeightData(35, 70),
                IssuedCertificate::serialHex, null, null, IssuedCertificate::serialHex);
        table.column(Messages.Certificates_colExpires, new ColumnPixelData(95),
                c -> Formats.expiry(java.util.Optional.of(c.notAfter()), Instant.now()), null,
                c -> state(c) == CertificateState.VALID && c.notAfter().isBefore(Instant.now().plus(SOON))
                        ? style.color(HealthStatus.WARNING) : null,
                c -> Formats.full(c.notAfter()));
        table.column(Messages.Certificates_colHpciId, new ColumnPixelData(95),
                c -> c.hpciId().orElse(""), null, null, c -> c.eppn().orElse(null));
        viewer.addSelectionChangedListener(event -> {
            IssuedCertificate selected = table.selected();
            detail.show(selected);
            revoke.setEnabled(selected != null && selected.status() == IssuedCertificate.Status.VALID);
        });
    }

    private static CertificateState state(IssuedCertificate certificate) {
        return CertificateState.of(certificate, Instant.now());
    }

    private void search() {
        CaService service = ca;
        Session by = session;
        java.util.Optional<String> missing = CaWidgets.missing(service, Messages.Ca_unavailable, by);
        if (missing.isPresent()) {
            summary.fail(missing.get());
            return;
        }
        CertificateQuery query = form.query(Instant.now());
        summary.plain(Messages.Search_running);
        searches.read(sync, summary.label(), Messages.Search_job, () -> service.search(by, query), this::show,
                e -> summary.fail(NLS.bind(Messages.Search_failed, Formats.describe(e))));
    }

    private void show(List<IssuedCertificate> found) {
        IssuedCertificate before = table.selected();
        viewer.setInput(found);
        IssuedCertificate again = before == null ? null
                : found.stream().filter(c -> c.serialHex().equals(before.serialHex())).findFirst().orElse(null);
        viewer.setSelection(again == null ? StructuredSelection.EMPTY : new StructuredSelection(again), true);
        if (again == null) {
            detail.show(null);
            revoke.setEnabled(false);
        }
        summary.plain(found.size() >= LIMIT ? NLS.bind(Messages.Search_foundLimited, found.size())
                : NLS.bind(Messages.Search_found, found.size()));
    }

    private void revokeSelected() {
        IssuedCertificate certificate = table.selected();
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
