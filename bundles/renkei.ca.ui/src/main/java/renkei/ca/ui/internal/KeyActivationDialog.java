// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.ca.core.CaKeyService;
import renkei.ca.core.KeyStatus;
import renkei.platform.AuthenticationException;
import renkei.platform.IdentityService;
import renkei.platform.Session;
import renkei.spi.HealthStatus;

/**
 * Dual-control activation of the CA key (CA-12): two CA operators, side by side at this console,
 * each enter user name, password and the current TOTP code; both are authenticated afresh through
 * the identity service and the key service activates the key for the chosen period. Passwords are
 * wiped once used. Authentication and activation run in one job; the dialog stays open and says
 * which operator was refused. UI thread only.
 */
final class KeyActivationDialog extends CaDialog {

    /** Periods offered; the key service caps them at its configured maximum. */
    private static final List<Duration> PERIODS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
            Duration.ofHours(24));

    private final IdentityService identity;
    private final CaKeyService keys;
    private final UISynchronize sync;
    private final Text[] users = new Text[2];
    private final Text[] passwords = new Text[2];
    private final Text[] codes = new Text[2];
    private Combo period;
    private Label problem;
    private StatusStyle style;
    private KeyStatus result;

    KeyActivationDialog(Shell parent, IdentityService identity, CaKeyService keys, UISynchronize sync) {
        super(parent, Messages.Activate_title, CaWidgetIds.ACTIVATE_SHELL, false);
        this.identity = identity;
        this.keys = keys;
        this.sync = sync;
    }

    /** The key status after a successful activation, else null. */
    KeyStatus result() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        style = new StatusStyle(area);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(12, 8).equalWidth(true).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.Activate_intro);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(520, SWT.DEFAULT).applyTo(intro);
        for (int i = 0; i < 2; i++) {
            Group group = new Group(area, SWT.NONE);
            group.setText(NLS.bind(Messages.Activate_operator, i + 1));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
            GridLayoutFactory.swtDefaults().numColumns(2).spacing(8, 6).applyTo(group);
            users[i] = WidgetIds.name(CaWidgets.field(group, Messages.Activate_user, SWT.NONE, 190), CaWidgetIds.ACTIVATE_USER + (i + 1));
            passwords[i] = WidgetIds.name(CaWidgets.field(group, Messages.Activate_password, SWT.PASSWORD, 190),
                    CaWidgetIds.ACTIVATE_PASSWORD + (i + 1));
            codes[i] = WidgetIds.name(CaWidgets.field(group, Messages.Activate_totp, SWT.NONE, 190), CaWidgetIds.ACTIVATE_TOTP + (i + 1));
            codes[i].setTextLimit(6);
            codes[i].setMessage(Messages.Activate_totpHint);
        }
        Composite periodRow = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(periodRow);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 0).applyTo(periodRow);
        new Label(periodRow, SWT.NONE).setText(Messages.Activate_period);
        period = WidgetIds.name(new Combo(periodRow, SWT.READ_ONLY | SWT.DROP_DOWN), CaWidgetIds.ACTIVATE_PERIOD);
        period.setItems(PERIODS.stream().map(Formats::duration).toArray(String[]::new));
        period.select(2);
        problem = WidgetIds.name(new Label(area, SWT.WRAP), CaWidgetIds.ACTIVATE_PROBLEM);
        problem.setForeground(style.color(HealthStatus.CRITICAL));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(520, SWT.DEFAULT).applyTo(problem);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Activate_confirm, true);
        createButton(parent, IDialogConstants.CANCEL_ID, renkei.app.internal.Messages.Button_cancel, false);
    }

    @Override
    protected void okPressed() {
        String[] names = { users[0].getText().strip(), users[1].getText().strip() };
        if (names[0].isEmpty() || names[1].isEmpty()) {
            problem.setText(Messages.Activate_usersMissing);
            return;
        }
        if (names[0].equals(names[1])) {
            problem.setText(Messages.Activate_sameOperator);
            return;
        }
        char[][] secrets = { passwords[0].getTextChars(), passwords[1].getTextChars() };
        String[] totp = { codes[0].getText().strip(), codes[1].getText().strip() };
        Duration chosen = PERIODS.get(period.getSelectionIndex());
        passwords[0].setText("");
        passwords[1].setText("");
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        problem.setText(Messages.Activate_running);
        CaCalls.change(sync, getShell(), Messages.Activate_job, () -> {
            try {
                Session first = authenticate(names[0], secrets[0], totp[0], 1);
                Session second = authenticate(names[1], secrets[1], totp[1], 2);
                return keys.activate(first, second, chosen);
            } finally {
                Arrays.fill(secrets[0], '\0');
                Arrays.fill(secrets[1], '\0');
            }
        }, status -> {
            result = status;
            super.okPressed();
        }, e -> {
            problem.setText(NLS.bind(Messages.Activate_failed, Formats.describe(e)));
            problem.getParent().layout(true, true);
            getButton(IDialogConstants.OK_ID).setEnabled(true);
        });
    }

    /** Runs in the job; a refusal names the operator it concerns. */
    private Session authenticate(String user, char[] password, String totp, int which) {
        try {
            return identity.authenticate(user, password, totp.isEmpty() ? null : totp);
        } catch (AuthenticationException e) {
            String why = switch (e.reason()) {
                case BAD_CREDENTIALS -> renkei.app.internal.Messages.Login_badCredentials;
                case SECOND_FACTOR_REQUIRED -> renkei.app.internal.Messages.Login_totpMissing;
                case BAD_SECOND_FACTOR -> renkei.app.internal.Messages.Login_badTotp;
                case SECOND_FACTOR_NOT_ENROLLED -> renkei.app.internal.Messages.Login_totpNotEnrolled;
                case LOCKED -> renkei.app.internal.Messages.Login_locked;
                case DISABLED -> renkei.app.internal.Messages.Login_disabled;
                // Only resume() gives these; a fresh login never does.
                case SESSION_EXPIRED, SESSION_INVALID -> e.getMessage();
            };
            throw new renkei.ca.core.CaException(NLS.bind(Messages.Activate_refused, new Object[] { which, user, why }));
        }
    }
}
