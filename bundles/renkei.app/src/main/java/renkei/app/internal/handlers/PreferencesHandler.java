// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.handlers;

import java.util.Map;
import java.util.Properties;

import jakarta.inject.Named;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import renkei.app.internal.ConsoleJobs;
import renkei.app.internal.Dialogs;
import renkei.app.internal.Formats;
import renkei.app.internal.LanguageSettings;
import renkei.app.internal.Messages;
import renkei.app.internal.preferences.ConsolePreferenceDialog;
import renkei.app.internal.preferences.LanguagePage;
import renkei.app.internal.preferences.SiteConfigEditor;
import renkei.app.internal.preferences.SiteConfigPage;
import renkei.platform.AuditLog;
import renkei.platform.IdentityService;
import renkei.platform.SecretStore;
import renkei.platform.Session;
import renkei.platform.SiteConfig;
import renkei.platform.remote.ServerConnection;

/**
 * File &gt; Preferences: the site configuration (database and mail keys of
 * {@code renkei.properties}) and the console's language. The current values are read in a job,
 * then the dialog opens; saving happens in jobs started by the pages. A connected console's site
 * settings live on its server, so there the site page only says which server and where the home
 * keeps the connection.
 */
public final class PreferencesHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Session session, UISynchronize sync,
            @Optional @Service SiteConfig config, @Optional @Service SecretStore secrets,
            @Optional @Service IdentityService identity, @Optional @Service AuditLog audit,
            @Optional @Service ServerConnection server) {
        if (config == null) {
            Dialogs.error(shell, Messages.Preferences_title, Messages.Preferences_noSiteConfig);
            return;
        }
        SiteConfigEditor editor = new SiteConfigEditor(config.home(), secrets, identity, audit, session);
        Job load = ConsoleJobs.create(Messages.Preferences_loadJob, (IProgressMonitor monitor) -> {
            Properties current;
            Map<String, Boolean> secretsSet;
            String language;
            try {
                current = editor.load();
                secretsSet = editor.secretsSet();
                language = LanguageSettings.stored();
            } catch (RuntimeException e) {
                sync.asyncExec(() -> Dialogs.error(shell, Messages.Preferences_title,
                        NLS.bind(Messages.Preferences_loadFailed, Formats.describe(e))));
                return Status.error(Formats.describe(e), e);
            }
            String serverUrl = server == null ? null : server.serverUrl();
            sync.asyncExec(() -> open(shell, editor, current, secretsSet, language, serverUrl, sync));
            return Status.OK_STATUS;
        });
        load.setUser(true);
        load.schedule();
    }

    private static void open(Shell shell, SiteConfigEditor editor, Properties current, Map<String, Boolean> secretsSet,
            String language, String serverUrl, UISynchronize sync) {
        if (shell.isDisposed()) {
            return;
        }
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("renkei.site", new SiteConfigPage(editor, current, secretsSet, serverUrl, sync)));
        manager.addToRoot(new PreferenceNode("renkei.language", new LanguagePage(language, sync)));
        new ConsolePreferenceDialog(shell, manager).open();
    }
}
