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
import renkei.platform.remote.ServerConnection;

/**
 * Help &gt; About: version, Java and OSGi framework, Renkei home, where the data lives (the database
 * this process opened, or the server a connected console works through and whether the link is up)
 * and the number of Declarative Services components that are not working. Reads only in-memory
 * state.
 */
public final class AboutHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional Session session,
            @Optional @Service Database database, @Optional @Service ServerConnection server) {
        Bundle bundle = FrameworkUtil.getBundle(AboutHandler.class);
        int problems = ComponentDiagnostics.problems(bundle.getBundleContext()).size();
        String text = NLS.bind(Messages.About_text, new Object[] {
                bundle.getVersion(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                bundle.getBundleContext().getBundle(0).getVersion(),
                RenkeiHome.fromEnvironment(),
                dataLocation(database, server),
                session == null ? "-" : session.username(),
                problems });
        new MessageDialog(shell, Messages.About_title, null, text, MessageDialog.INFORMATION, 0, Messages.Button_close).open();
    }

    private static String dataLocation(Database database, ServerConnection server) {
        if (server != null) {
            return NLS.bind(Messages.About_server, server.serverUrl(), server.connected() ? Messages.Status_serverConnected
                    : NLS.bind(Messages.Status_serverLost, server.lastError().orElse(Messages.Status_unknown)));
        }
        return NLS.bind(Messages.About_database, database == null ? Messages.Status_unavailable : database.describe());
    }
}
