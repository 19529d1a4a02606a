// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.StatusStyle;
import renkei.ca.core.AccountMapping;
import renkei.spi.HealthStatus;

/**
 * Edits one grid-mapfile mapping: subject DN (fixed when editing), local accounts (comma-separated,
 * the first is the default), ePPN and HPCI-ID. Only checks the form; the mapping service decides the
 * rest. UI thread only.
 */
final class MappingDialog extends CaDialog {

    private final AccountMapping existing;
    private Text dn;
    private Text accounts;
    private Text eppn;
    private Text hpciId;
    private Label problem;
    private AccountMapping result;

    /** @param existing the mapping to edit, or null for a new one */
    MappingDialog(Shell parent, AccountMapping existing) {
        super(parent, existing == null ? Messages.Mapping_addTitle : Messages.Mapping_editTitle, null, false);
        this.existing = existing;
    }

    AccountMapping result() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 6).applyTo(area);
        dn = field(area, Messages.Mapping_dn, existing == null ? "" : existing.subjectDn());
        dn.setEditable(existing == null);
        dn.setMessage("/C=JP/O=HPCI/CN=...");
        accounts = field(area, Messages.Mapping_accounts, existing == null ? "" : String.join(",", existing.accounts()));
        accounts.setMessage(Messages.Mapping_accountsHint);
        eppn = field(area, Messages.Mapping_eppn, existing == null ? "" : existing.eppn().orElse(""));
        hpciId = field(area, Messages.Mapping_hpciId, existing == null ? "" : existing.hpciId().orElse(""));
        problem = new Label(area, SWT.WRAP);
        problem.setForeground(new StatusStyle(area).color(HealthStatus.CRITICAL));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(problem);
        return area;
    }

    private static Text field(Composite parent, String label, String value) {
        Text text = CaWidgets.field(parent, label, SWT.NONE, 460);
        text.setText(value);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, renkei.app.internal.Messages.Button_ok, true);
        createButton(parent, IDialogConstants.CANCEL_ID, renkei.app.internal.Messages.Button_cancel, false);
    }

    @Override
    protected void okPressed() {
        String subject = dn.getText().strip();
        List<String> names = Arrays.stream(accounts.getText().split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        if (!subject.startsWith("/")) {
            problem.setText(Messages.Mapping_dnInvalid);
            return;
        }
        if (names.isEmpty()) {
            problem.setText(Messages.Mapping_accountsMissing);
            return;
        }
        result = new AccountMapping(subject, names, optional(eppn), optional(hpciId));
        super.okPressed();
    }

    private static Optional<String> optional(Text text) {
        return Optional.of(text.getText().strip()).filter(value -> !value.isEmpty());
    }
}
