// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.WidgetIds;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.CertificateQuery;
import renkei.ca.core.IssuedCertificate;

/**
 * The certificate search fields (CN, HPCI-ID, ePPN, serial, DN fragment, status, profile, expiry
 * window) and the {@link CertificateQuery} they stand for; Enter in any text field runs the search.
 * UI thread only.
 */
final class CertificateSearchForm {

    /** Expiry windows offered, in days; CA-15 asks for host renewals a year ahead at most. */
    private static final List<Integer> EXPIRY_DAYS = List.of(7, 30, 90, 365);

    private final Text commonName;
    private final Text hpciId;
    private final Text eppn;
    private final Text serial;
    private final Text dnFragment;
    private final Combo status;
    private final Combo profile;
    private final Combo expiry;
    private final int limit;

    CertificateSearchForm(Composite parent, int limit, Runnable search) {
        this.limit = limit;
        Group group = new Group(parent, SWT.NONE);
        group.setText(Messages.Search_title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        GridLayoutFactory.swtDefaults().numColumns(8).spacing(8, 4).applyTo(group);
        commonName = WidgetIds.name(text(group, Messages.Search_cn, search), CaWidgetIds.SEARCH_CN);
        hpciId = text(group, Messages.Search_hpciId, search);
        eppn = text(group, Messages.Search_eppn, search);
        serial = text(group, Messages.Search_serial, search);
        dnFragment = text(group, Messages.Search_dn, search);
        status = combo(group, Messages.Search_status, Messages.Search_any, Messages.State_valid, Messages.State_revoked);
        // In CertificateProfile order: the selection index picks the value.
        profile = combo(group, Messages.Search_profile, Messages.Search_any, Messages.Profile_client, Messages.Profile_host,
                Messages.Profile_service, Messages.Profile_server, Messages.Profile_operator);
        String[] windows = new String[EXPIRY_DAYS.size() + 1];
        windows[0] = Messages.Search_any;
        for (int i = 0; i < EXPIRY_DAYS.size(); i++) {
            windows[i + 1] = org.eclipse.osgi.util.NLS.bind(Messages.Search_withinDays, EXPIRY_DAYS.get(i));
        }
        expiry = combo(group, Messages.Search_expiring, windows);
        expiry.setToolTipText(Messages.Search_expiringTooltip);
    }

    private static Text text(Composite parent, String label, Runnable search) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | SWT.SEARCH);
        GridDataFactory.fillDefaults().grab(true, false).hint(110, SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.DefaultSelection, event -> search.run());
        return text;
    }

    private static Combo combo(Composite parent, String label, String... items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setItems(items);
        combo.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        return combo;
    }

    CertificateQuery query(Instant now) {
        CertificateQuery query = CertificateQuery.all(limit);
        if (!value(commonName).isEmpty()) {
            query = query.withCommonName(value(commonName));
        }
        if (!value(hpciId).isEmpty()) {
            query = query.withHpciId(value(hpciId));
        }
        if (!value(eppn).isEmpty()) {
            query = query.withEppn(value(eppn));
        }
        if (!value(serial).isEmpty()) {
            // Operators paste serials as openssl prints them, sometimes with colons.
            query = query.withSerial(value(serial).replace(":", "").toUpperCase(java.util.Locale.ROOT));
        }
        if (!value(dnFragment).isEmpty()) {
            query = query.withDnFragment(value(dnFragment));
        }
        if (status.getSelectionIndex() > 0) {
            query = query.withStatus(IssuedCertificate.Status.values()[status.getSelectionIndex() - 1]);
        }
        if (profile.getSelectionIndex() > 0) {
            query = query.withProfile(CertificateProfile.values()[profile.getSelectionIndex() - 1]);
        }
        if (expiry.getSelectionIndex() > 0) {
            query = query.expiringBefore(now.plus(Duration.ofDays(EXPIRY_DAYS.get(expiry.getSelectionIndex() - 1))));
        }
        return query;
    }

    void clear() {
        for (Text text : List.of(commonName, hpciId, eppn, serial, dnFragment)) {
            text.setText("");
        }
        for (Combo combo : List.of(status, profile, expiry)) {
            combo.select(0);
        }
    }

    void focus() {
        commonName.setFocus();
    }

    private static String value(Text text) {
        return text.getText().strip();
    }
}
