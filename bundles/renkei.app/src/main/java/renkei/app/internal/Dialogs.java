// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Message boxes with the console's translated button labels (JFace's own are English only here).
 * UI thread only.
 */
public final class Dialogs {

    private Dialogs() {
    }

    public static void info(Shell shell, String title, String message) {
        new MessageDialog(shell, title, null, message, MessageDialog.INFORMATION, 0, Messages.Button_ok).open();
    }

    public static void error(Shell shell, String title, String message) {
        new MessageDialog(shell, title, null, message, MessageDialog.ERROR, 0, Messages.Button_ok).open();
    }
}
