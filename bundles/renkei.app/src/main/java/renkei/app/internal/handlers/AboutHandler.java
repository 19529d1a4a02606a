// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import renkei.app.internal.ComponentDiagnostics;
import renkei.app.internal.Messages;
import renkei.platform.Database;
import renkei.platform.RenkeiHome;
import renkei.platform.Session;

/**
 * Help &gt; About: version, Java and OSGi framework, Renkei home, database and the number of
 * Declarative Services components that are not working. Reads only in-memory state.
 */
public final class AboutHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional Session session,
            @Optional @Service Database database) {
        Bundle bundle = FrameworkUtil.getBundle(AboutHandler.class);
        int problems = ComponentDiagnostics.problems(bundle.getBundleContext()).size();
        String text = NLS.bind(Messages.About_text, new Object[] {
                bundle.getVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                bundle.getBundleContext().getBundle(0).getVersion(),
                RenkeiHome.fromEnvironment(),
                database == null ? Messages.Status_unavailable : database.describe(),
                session == null ? "-" : session.username(),
                problems });
        new MessageDialog(shell, Messages.About_title, null, text, MessageDialog.INFORMATION, 0, Messages.Button_close).open();
    }
}
