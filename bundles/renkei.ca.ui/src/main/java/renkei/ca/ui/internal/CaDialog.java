// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.widgets.Shell;

import renkei.app.internal.WidgetIds;

/**
 * What the CA console's dialogs share: a title, a name for the UI test, and whether the operator
 * may resize it (those showing lists or long text can). UI thread only.
 */
abstract class CaDialog extends Dialog {

    private final String title;
    private final String widgetId;
    private final boolean resizable;

    CaDialog(Shell parent, String title, String widgetId, boolean resizable) {
        super(parent);
        this.title = title;
        this.widgetId = widgetId;
        this.resizable = resizable;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
        if (widgetId != null) {
            WidgetIds.name(shell, widgetId);
        }
    }

    @Override
    protected boolean isResizable() {
        return resizable;
    }
}
