// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.preferences;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

import renkei.app.internal.Messages;
import renkei.app.internal.WidgetIds;

/**
 * The JFace preference dialog with the console's own (translated) title and buttons: JFace's
 * labels come from its English-only resource bundle, since no language packs are on Maven Central.
 */
public final class ConsolePreferenceDialog extends PreferenceDialog {

    public ConsolePreferenceDialog(Shell parent, PreferenceManager manager) {
        super(parent, manager);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Preferences_title);
        WidgetIds.name(shell, WidgetIds.PREFERENCES_SHELL);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Button_applyAndClose, true);
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.Button_cancel, false);
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 760), Math.max(size.y, 560));
    }
}
