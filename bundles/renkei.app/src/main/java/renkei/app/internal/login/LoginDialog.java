// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.login;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.operation.ModalContext;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.app.internal.WidgetIds;
import renkei.platform.AuthenticationException;
import renkei.platform.Session;

/**
 * Asks for user name and password, and for a TOTP code once the identity service says the account
 * needs one. Refusals are shown in the dialog's message area. Authentication blocks on the
 * database, so it runs in a forked {@link ModalContext} while the dialog keeps painting with a busy
 * cursor and its controls disabled. Opened on the UI thread before the workbench exists.
 */
public final class LoginDialog extends TitleAreaDialog {

    /** Checks credentials; called off the UI thread. */
    @FunctionalInterface
    public interface Authenticator {
        Session authenticate(String username, char[] password, String totpCode) throws AuthenticationException;
    }

    /**
     * Thrown by an {@link Authenticator} when no login is possible now for a reason the operator
     * can act on (the server cannot be reached); its message is shown as it is.
     */
    public static final class LoginUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public LoginUnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Credentials to fill in and submit without an operator, for benchmarks and demos. Honoured
     * only when {@code renkei.login.auto=true}.
     */
    public record AutoLogin(boolean enabled, String username, String password) {

        public static AutoLogin fromSystemProperties() {
            return new AutoLogin(Boolean.getBoolean("renkei.login.auto"), System.getProperty("renkei.login.user", ""),
                    System.getProperty("renkei.login.password", ""));
        }
    }

    private final Authenticator authenticator;
    private final String location;
    private final AutoLogin autoLogin;

    private Text userText;
    private Text passwordText;
    private Label totpLabel;
    private Text totpText;
    private boolean secondFactorAsked;
    private boolean busy;
    private Session session;

    /** {@code location} says where the login is checked: the Renkei home, and its server when connected. */
    public LoginDialog(Shell parent, Authenticator authenticator, String location, AutoLogin autoLogin) {
        super(parent);
        this.authenticator = authenticator;
        this.location = location;
        this.autoLogin = autoLogin;
    }

    /** The session of a successful login, or {@code null}. */
    public Session session() {
        return session;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Login_shellTitle);
        WidgetIds.name(shell, WidgetIds.LOGIN_SHELL);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Login_title);
        setMessage(Messages.Login_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite fields = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).spacing(10, 8).applyTo(fields);

        new Label(fields, SWT.NONE).setText(Messages.Login_user);
        userText = WidgetIds.name(new Text(fields, SWT.BORDER | SWT.SINGLE), WidgetIds.LOGIN_USER);
        GridDataFactory.fillDefaults().grab(true, false).hint(280, SWT.DEFAULT).applyTo(userText);

        new Label(fields, SWT.NONE).setText(Messages.Login_password);
        passwordText = WidgetIds.name(new Text(fields, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD), WidgetIds.LOGIN_PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(passwordText);

        totpLabel = new Label(fields, SWT.NONE);
        totpLabel.setText(Messages.Login_totp);
        GridDataFactory.swtDefaults().applyTo(totpLabel);
        totpText = WidgetIds.name(new Text(fields, SWT.BORDER | SWT.SINGLE), WidgetIds.LOGIN_TOTP);
        totpText.setTextLimit(6);
        totpText.setMessage(Messages.Login_totpHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(totpText);
        setSecondFactorVisible(false);

        Label home = WidgetIds.name(new Label(fields, SWT.WRAP), WidgetIds.LOGIN_LOCATION);
        home.setText(location);
        home.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).hint(380, SWT.DEFAULT).applyTo(home);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, Messages.Login_submit, true), WidgetIds.LOGIN_SUBMIT);
        WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, Messages.Button_cancel, false), WidgetIds.LOGIN_CANCEL);
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 640), size.y);
    }

    @Override
    public void create() {
        super.create();
        if (autoLogin.enabled()) {
            userText.setText(autoLogin.username());
            passwordText.setText(autoLogin.password());
            getShell().getDisplay().asyncExec(this::attempt);
        }
    }

    @Override
    protected void okPressed() {
        attempt();
    }

    @Override
    protected void handleShellCloseEvent() {
        if (!busy) {
            super.handleShellCloseEvent();
        }
    }

    private void attempt() {
        if (busy || getShell() == null || getShell().isDisposed()) {
            return;
        }
        String username = userText.getText().strip();
        if (username.isEmpty()) {
            setErrorMessage(Messages.Login_userMissing);
            userText.setFocus();
            return;
        }
        String totpCode = secondFactorAsked ? totpText.getText().strip() : null;
        if (secondFactorAsked && totpCode.isEmpty()) {
            setErrorMessage(Messages.Login_totpMissing);
            totpText.setFocus();
            return;
        }
        char[] password = passwordText.getTextChars();
        AtomicReference<Session> result = new AtomicReference<>();
        Throwable failure = null;
        setBusy(true);
        try {
            ModalContext.run(monitor -> {
                try {
                    result.set(authenticator.authenticate(username, password, totpCode));
                } catch (AuthenticationException e) {
                    throw new InvocationTargetException(e);
                }
            }, true, new NullProgressMonitor(), getShell().getDisplay());
        } catch (InvocationTargetException e) {
            failure = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } finally {
            Arrays.fill(password, '\0');
            if (!getShell().isDisposed()) {
                setBusy(false);
            }
        }
        if (result.get() != null) {
            session = result.get();
            super.okPressed();
        } else if (failure instanceof AuthenticationException refused) {
            showRefusal(refused);
        } else if (failure instanceof LoginUnavailableException unavailable) {
            Platform.getLog(LoginDialog.class).log(Status.warning("Login impossible for " + username + ": " + unavailable.getMessage()));
            setErrorMessage(unavailable.getMessage());
        } else {
            Platform.getLog(LoginDialog.class).log(Status.error("Login failed for " + username, failure));
            setErrorMessage(NLS.bind(Messages.Login_failed, failure == null ? "?" : Formats.describe(failure)));
        }
    }

    private void showRefusal(AuthenticationException refused) {
        switch (refused.reason()) {
            case SECOND_FACTOR_REQUIRED -> {
                setSecondFactorVisible(true);
                setErrorMessage(null);
                setMessage(Messages.Login_totpRequired, IMessageProvider.INFORMATION);
                totpText.setFocus();
            }
            case BAD_SECOND_FACTOR -> {
                setSecondFactorVisible(true);
                setErrorMessage(Messages.Login_badTotp);
                totpText.selectAll();
                totpText.setFocus();
            }
            case BAD_CREDENTIALS -> {
                setErrorMessage(Messages.Login_badCredentials);
                passwordText.setText("");
                passwordText.setFocus();
            }
            case SECOND_FACTOR_NOT_ENROLLED -> setErrorMessage(Messages.Login_totpNotEnrolled);
            case LOCKED -> setErrorMessage(Messages.Login_locked);
            case DISABLED -> setErrorMessage(Messages.Login_disabled);
        }
    }

    private void setSecondFactorVisible(boolean visible) {
        secondFactorAsked = visible;
        for (Control control : new Control[] { totpLabel, totpText }) {
            control.setVisible(visible);
            ((GridData) control.getLayoutData()).exclude = !visible;
        }
        Shell shell = getShell();
        // Only once the dialog is open: while it is being created the shell has no size yet and
        // the window computes its initial size itself.
        if (shell != null && !shell.isDisposed() && shell.isVisible()) {
            totpText.getParent().layout(true, true);
            Point size = shell.computeSize(shell.getSize().x, SWT.DEFAULT);
            shell.setSize(shell.getSize().x, Math.max(size.y, shell.getSize().y));
        }
    }

    private void setBusy(boolean newBusy) {
        busy = newBusy;
        for (Control control : new Control[] { userText, passwordText, totpText, getButton(IDialogConstants.OK_ID),
                getButton(IDialogConstants.CANCEL_ID) }) {
            if (control != null) {
                control.setEnabled(!newBusy);
            }
        }
        getShell().setCursor(newBusy ? getShell().getDisplay().getSystemCursor(SWT.CURSOR_WAIT) : null);
        if (newBusy) {
            setMessage(Messages.Login_checking);
        } else if (!secondFactorAsked) {
            setMessage(Messages.Login_message);
        }
    }
}
