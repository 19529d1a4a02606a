// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.ca.core.CaService;
import renkei.ca.core.CertificateProfile;
import renkei.ca.core.GeneratedCredential;
import renkei.ca.core.IssuedCertificate;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * Issuance in the CA's three ways, one tab each: a license ID for a user's IdP attributes (CA-05,
 * CA-06), redeeming a license ID with the user's CSR or with a key generated on the server (the
 * PKCS#12 saved where the operator says, protected by the user's passphrase), and direct issuance of
 * host and service certificates from a CSR, saving the PEM. A new license ID can be redeemed at once
 * from the second tab. Files are read and written, and the CA called, in jobs; the dialog stays open
 * and reports each outcome. UI thread only.
 */
final class IssueDialog extends CaDialog {

    /** The tabs, in order. */
    enum Tab {
        LICENSE, REDEEM, DIRECT
    }

    /** IdP attributes by LDAP name, as the CA service and the CLI take them. */
    private static final String[] ATTRIBUTES = { "givenName", "sn", "hpciId", "eduPersonPrincipalName", "eduPersonEntitlement" };

    private final CaService ca;
    private final Session session;
    private final UISynchronize sync;
    private final Tab first;
    private final Map<String, Text> attributes = new LinkedHashMap<>();
    private final Map<Text, Button> browseButtons = new java.util.HashMap<>();
    private TabFolder tabs;
    private Text licenseResult;
    private Button redeemNow;
    private Text licenseId;
    private Button useCsr;
    private Text redeemCsr;
    private Text redeemPem;
    private Text passphrase;
    private Text confirmation;
    private Text p12File;
    private Combo profile;
    private Text directCsr;
    private Text commonName;
    private Text directPem;
    private StatusText outcome;

    IssueDialog(Shell parent, CaService ca, Session session, UISynchronize sync, Tab first) {
        super(parent, Messages.Issue_title, CaWidgetIds.ISSUE_SHELL, true);
        this.ca = ca;
        this.session = session;
        this.sync = sync;
        this.first = first;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        tabs = WidgetIds.name(new TabFolder(area, SWT.TOP), CaWidgetIds.ISSUE_TABS);
        GridDataFactory.fillDefaults().grab(true, true).hint(620, SWT.DEFAULT).applyTo(tabs);
        tab(Messages.Issue_tabLicense, this::licenseTab);
        tab(Messages.Issue_tabRedeem, this::redeemTab);
        tab(Messages.Issue_tabDirect, this::directTab);
        tabs.setSelection(first.ordinal());
        Label outcomeLabel = WidgetIds.name(new Label(area, SWT.WRAP), CaWidgetIds.ISSUE_OUTCOME);
        GridDataFactory.fillDefaults().grab(true, false).hint(620, SWT.DEFAULT).applyTo(outcomeLabel);
        outcome = new StatusText(outcomeLabel, new StatusStyle(area));
        ready();
        return area;
    }

    private void tab(String title, java.util.function.Consumer<Composite> content) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        Composite page = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).spacing(8, 6).applyTo(page);
        content.accept(page);
        item.setControl(page);
    }

    private void licenseTab(Composite page) {
        intro(page, Messages.Issue_licenseIntro);
        for (String name : ATTRIBUTES) {
            attributes.put(name, text(page, name, SWT.NONE));
        }
        attributes.get("eduPersonEntitlement").setMessage(Messages.Issue_entitlementHint);
        Button issue = action(page, Messages.Issue_licenseButton);
        issue.addListener(SWT.Selection, event -> issueLicense());
        licenseResult = new Text(page, SWT.READ_ONLY | SWT.BORDER);
        // Centred on the action button's row, whose indent would otherwise stretch the field.
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).indent(0, 8).applyTo(licenseResult);
        redeemNow = new Button(page, SWT.PUSH);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).indent(0, 8).applyTo(redeemNow);
        redeemNow.setText(Messages.Issue_redeemNow);
        redeemNow.setEnabled(false);
        redeemNow.addListener(SWT.Selection, event -> {
            licenseId.setText(licenseResult.getText());
            tabs.setSelection(Tab.REDEEM.ordinal());
        });
    }

    private void redeemTab(Composite page) {
        intro(page, Messages.Issue_redeemIntro);
        licenseId = text(page, Messages.Issue_licenseId, SWT.NONE);
        useCsr = WidgetIds.name(radio(page, Messages.Issue_withCsr, true), CaWidgetIds.ISSUE_WITH_CSR);
        redeemCsr = file(page, Messages.Issue_csrFile, SWT.OPEN, "*.csr;*.pem;*.der");
        redeemPem = file(page, Messages.Issue_saveCertificate, SWT.SAVE, "*.pem");
        Button keygen = WidgetIds.name(radio(page, Messages.Issue_withKeygen, false), CaWidgetIds.ISSUE_WITH_KEYGEN);
        passphrase = text(page, Messages.Issue_passphrase, SWT.PASSWORD);
        confirmation = text(page, Messages.Issue_confirmation, SWT.PASSWORD);
        p12File = file(page, Messages.Issue_saveP12, SWT.SAVE, "*.p12");
        Runnable modes = () -> {
            boolean csr = useCsr.getSelection();
            enable(redeemCsr, csr);
            enable(redeemPem, csr);
            enable(passphrase, !csr);
            enable(confirmation, !csr);
            enable(p12File, !csr);
        };
        useCsr.addListener(SWT.Selection, event -> modes.run());
        keygen.addListener(SWT.Selection, event -> modes.run());
        modes.run();
        action(page, Messages.Issue_redeemButton).addListener(SWT.Selection, event -> redeem());
    }

    private void directTab(Composite page) {
        intro(page, Messages.Issue_directIntro);
        new Label(page, SWT.NONE).setText(Messages.Issue_profile);
        profile = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        profile.setItems(CaTexts.profile(CertificateProfile.HOST), CaTexts.profile(CertificateProfile.SERVICE));
        profile.select(0);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(profile);
        directCsr = file(page, Messages.Issue_csrFile, SWT.OPEN, "*.csr;*.pem;*.der");
        commonName = text(page, Messages.Issue_commonName, SWT.NONE);
        commonName.setMessage(Messages.Issue_commonNameHint);
        directPem = file(page, Messages.Issue_saveCertificate, SWT.SAVE, "*.pem");
        WidgetIds.name(action(page, Messages.Issue_directButton), CaWidgetIds.ISSUE_DIRECT)
                .addListener(SWT.Selection, event -> issueDirect());
    }

    private static void intro(Composite page, String text) {
        Label intro = new Label(page, SWT.WRAP);
        intro.setText(text);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(580, SWT.DEFAULT).applyTo(intro);
    }

    private static Text text(Composite page, String label, int style) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER | SWT.SINGLE | style);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
        return text;
    }

    private static Button radio(Composite page, String label, boolean selected) {
        Button radio = new Button(page, SWT.RADIO);
        radio.setText(label);
        radio.setSelection(selected);
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 6).applyTo(radio);
        return radio;
    }

    private static Button action(Composite page, String label) {
        Button button = new Button(page, SWT.PUSH);
        button.setText(label);
        GridDataFactory.fillDefaults().indent(0, 8).applyTo(button);
        return button;
    }

    private Text file(Composite page, String label, int mode, String filter) {
        Text path = text(page, label, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(1, 1).applyTo(path);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.Issue_browse);
        browse.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(getShell(), mode);
            dialog.setFilterExtensions(new String[] { filter, "*" });
            if (mode == SWT.SAVE) {
                dialog.setOverwrite(true);
            }
            String chosen = dialog.open();
            if (chosen != null) {
                path.setText(chosen);
            }
        });
        browseButtons.put(path, browse);
        return path;
    }

    /** A path field's Browse button follows the field. */
    private void enable(Text field, boolean enabled) {
        field.setEnabled(enabled);
        java.util.Optional.ofNullable(browseButtons.get(field)).ifPresent(browse -> browse.setEnabled(enabled));
    }

    private void issueLicense() {
        if (!ready()) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        attributes.forEach((name, field) -> {
            if (!field.getText().isBlank()) {
                values.put(name, field.getText().strip());
            }
        });
        busy(Messages.Issue_licenseRunning);
        CaCalls.change(sync, tabs, Messages.Issue_licenseJob, () -> ca.issueLicense(session, values), id -> {
            licenseResult.setText(id);
            redeemNow.setEnabled(true);
            succeed(NLS.bind(Messages.Issue_licenseDone, id, values.getOrDefault("hpciId", Formats.NONE)));
        }, this::failed);
    }

    private void redeem() {
        if (!ready()) {
            return;
        }
        String id = licenseId.getText().strip();
        if (id.isEmpty()) {
            fail(Messages.Issue_licenseIdMissing);
            return;
        }
        if (useCsr.getSelection()) {
            Optional<Path> csr = path(redeemCsr, Messages.Issue_csrMissing);
            if (csr.isEmpty()) {
                return;
            }
            Optional<Path> pem = optionalPath(redeemPem);
            busy(Messages.Issue_redeemRunning);
            CaCalls.change(sync, tabs, NLS.bind(Messages.Issue_redeemJob, id), () -> {
                IssuedCertificate issued = ca.redeemLicense(session, id, LocalFiles.readCsr(csr.get()));
                pem.ifPresent(file -> LocalFiles.write(file, CertificateDetails.pem(issued.der()).getBytes(StandardCharsets.US_ASCII)));
                return issued;
            }, issued -> succeed(issuedText(issued, pem)), this::failed);
            return;
        }
        Optional<Path> p12 = path(p12File, Messages.Issue_p12Missing);
        if (p12.isEmpty()) {
            return;
        }
        char[] secret = passphrase.getTextChars();
        char[] again = confirmation.getTextChars();
        busy(Messages.Issue_keygenRunning);
        CaCalls.change(sync, tabs, NLS.bind(Messages.Issue_redeemJob, id), () -> {
            try {
                GeneratedCredential credential = ca.redeemLicenseWithKeyGeneration(session, id, secret, again);
                LocalFiles.write(p12.get(), credential.pkcs12());
                return credential.certificate();
            } finally {
                Arrays.fill(secret, '\0');
                Arrays.fill(again, '\0');
            }
        }, issued -> {
            passphrase.setText("");
            confirmation.setText("");
            succeed(issuedText(issued, p12));
        }, this::failed);
    }

    private void issueDirect() {
        if (!ready()) {
            return;
        }
        Optional<Path> csr = path(directCsr, Messages.Issue_csrMissing);
        if (csr.isEmpty()) {
            return;
        }
        CertificateProfile chosen = profile.getSelectionIndex() == 0 ? CertificateProfile.HOST : CertificateProfile.SERVICE;
        Optional<String> cn = Optional.of(commonName.getText().strip()).filter(name -> !name.isEmpty());
        Optional<Path> pem = optionalPath(directPem);
        busy(Messages.Issue_directRunning);
        CaCalls.change(sync, tabs, NLS.bind(Messages.Issue_directJob, CaTexts.profile(chosen)), () -> {
            IssuedCertificate issued = ca.issue(session, chosen, LocalFiles.readCsr(csr.get()), cn);
            pem.ifPresent(file -> LocalFiles.write(file, CertificateDetails.pem(issued.der()).getBytes(StandardCharsets.US_ASCII)));
            return issued;
        }, issued -> succeed(issuedText(issued, pem)), this::failed);
    }

    private static String issuedText(IssuedCertificate issued, Optional<Path> savedTo) {
        String text = NLS.bind(Messages.Issue_issued, new Object[] { issued.commonName(), issued.serialHex(),
                Formats.full(issued.notAfter()) });
        return savedTo.map(file -> text + "\n" + NLS.bind(Messages.Issue_savedTo, file)).orElse(text);
    }

    /** Whether the CA and an operator session are there; if not, the dialog says which is missing. */
    private boolean ready() {
        Optional<String> missing = CaWidgets.missing(ca, Messages.Ca_unavailable, session);
        missing.ifPresent(outcome::fail);
        return missing.isEmpty();
    }

    private Optional<Path> path(Text field, String missing) {
        Optional<Path> path = optionalPath(field);
        if (path.isEmpty()) {
            fail(missing);
        }
        return path;
    }

    private static Optional<Path> optionalPath(Text field) {
        String text = field.getText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
    }

    private void busy(String text) {
        outcome.plain(text);
    }

    private void succeed(String text) {
        outcome.show(text, HealthStatus.OK);
    }

    private void fail(String text) {
        outcome.fail(text);
    }

    private void failed(RuntimeException e) {
        fail(NLS.bind(Messages.Issue_failed, Formats.describe(e)));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, renkei.app.internal.Messages.Button_close, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }
}
