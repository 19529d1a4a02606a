// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.preferences;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.ConsoleJobs;
import renkei.app.internal.Dialogs;
import renkei.app.internal.Formats;
import renkei.app.internal.Messages;
import renkei.platform.AccessDeniedException;
import renkei.platform.Database;

/**
 * Shows and edits the database and mail keys of the site configuration. The page says which file
 * it writes and that changes apply after a restart; it is read-only for operators other than the
 * operations office. Values are checked as they are typed; saving runs in a job. In a connected
 * home (a server URL is given) these keys mean nothing locally: the page names the server and where
 * the home keeps its connection, and edits nothing.
 */
public final class SiteConfigPage extends PreferencePage {

    private final SiteConfigEditor editor;
    private final Properties current;
    private final Map<String, Boolean> secretsSet;
    private final String serverUrl;
    private final UISynchronize sync;
    private final Map<String, Text> inputs = new LinkedHashMap<>();
    private final List<Label> labels = new ArrayList<>();

    /** {@code serverUrl}: the server of a connected home, or {@code null} in an embedded one. */
    public SiteConfigPage(SiteConfigEditor editor, Properties current, Map<String, Boolean> secretsSet, String serverUrl,
            UISynchronize sync) {
        super(Messages.SiteConfig_title);
        this.editor = editor;
        this.current = current;
        this.secretsSet = secretsSet;
        this.serverUrl = serverUrl;
        this.sync = sync;
        setDescription(serverUrl != null ? Messages.SiteConfig_connectedDescription
                : NLS.bind(Messages.SiteConfig_description, editor.file()));
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(8, 10).applyTo(page);
        if (serverUrl != null) {
            createConnectedContents(page);
            return page;
        }
        if (!editor.mayEdit()) {
            Label readOnly = new Label(page, SWT.WRAP);
            readOnly.setText(Messages.SiteConfig_readOnly);
            GridDataFactory.fillDefaults().grab(true, false).hint(440, SWT.DEFAULT).applyTo(readOnly);
        }
        for (SiteConfigEditor.Group group : SiteConfigEditor.Group.values()) {
            Group box = new Group(page, SWT.NONE);
            box.setText(group == SiteConfigEditor.Group.DATABASE ? Messages.SiteConfig_database : Messages.SiteConfig_mail);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(box);
            GridLayoutFactory.swtDefaults().numColumns(2).spacing(10, 6).applyTo(box);
            SiteConfigEditor.KEYS.stream().filter(key -> key.group() == group).forEach(key -> createField(box, key));
        }
        // One label width for both groups, so their fields line up.
        int labelWidth = labels.stream().mapToInt(label -> label.computeSize(SWT.DEFAULT, SWT.DEFAULT).x).max().orElse(SWT.DEFAULT);
        labels.forEach(label -> GridDataFactory.swtDefaults().hint(labelWidth, SWT.DEFAULT).applyTo(label));
        validate();
        return page;
    }

    private void createConnectedContents(Composite page) {
        Label note = new Label(page, SWT.WRAP);
        note.setText(NLS.bind(Messages.SiteConfig_connected, new Object[] { serverUrl, editor.file(), editor.tlsDirectory() }));
        GridDataFactory.fillDefaults().grab(true, false).hint(440, SWT.DEFAULT).applyTo(note);
        Composite row = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 6).applyTo(row);
        new Label(row, SWT.NONE).setText(Messages.SiteConfig_serverUrl);
        Text url = new Text(row, SWT.BORDER | SWT.SINGLE | SWT.READ_ONLY);
        url.setText(serverUrl);
        url.setToolTipText("server.url");
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(url);
    }

    private void createField(Composite parent, SiteConfigEditor.Key key) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(label(key.name()));
        label.setToolTipText(key.name());
        labels.add(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | (key.secret() ? SWT.PASSWORD : SWT.NONE));
        text.setToolTipText(key.name());
        GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
        if (key.secret()) {
            text.setMessage(secretsSet.getOrDefault(key.name(), false) ? Messages.SiteConfig_secretSet : Messages.SiteConfig_secretNotSet);
        } else {
            text.setText(current.getProperty(key.name(), ""));
            if ("db.url".equals(key.name())) {
                text.setMessage(Messages.SiteConfig_dbUrlDefault);
            }
        }
        text.setEditable(editor.mayEdit());
        text.addModifyListener(event -> validate());
        inputs.put(key.name(), text);
    }

    private static String label(String key) {
        return switch (key) {
            case "db.url" -> Messages.SiteConfig_dbUrl;
            case "db.user" -> Messages.SiteConfig_dbUser;
            case "db.password" -> Messages.SiteConfig_dbPassword;
            case "mail.smtp.host" -> Messages.SiteConfig_smtpHost;
            case "mail.smtp.port" -> Messages.SiteConfig_smtpPort;
            case "mail.smtp.starttls" -> Messages.SiteConfig_smtpStartTls;
            case "mail.smtp.user" -> Messages.SiteConfig_smtpUser;
            case "mail.smtp.password" -> Messages.SiteConfig_smtpPassword;
            case "mail.from" -> Messages.SiteConfig_mailFrom;
            case "mail.iso2022jp.domains" -> Messages.SiteConfig_iso2022jpDomains;
            default -> key;
        };
    }

    private void validate() {
        String error = null;
        String url = value("db.url");
        if (!url.isEmpty()) {
            try {
                Database.Dialect.ofUrl(url);
            } catch (IllegalArgumentException e) {
                error = Messages.SiteConfig_badDbUrl;
            }
        }
        String port = value("mail.smtp.port");
        if (error == null && !port.isEmpty()) {
            try {
                int number = Integer.parseInt(port);
                if (number < 1 || number > 65535) {
                    error = Messages.SiteConfig_badPort;
                }
            } catch (NumberFormatException e) {
                error = Messages.SiteConfig_badPort;
            }
        }
        String startTls = value("mail.smtp.starttls");
        if (error == null && !startTls.isEmpty() && !startTls.equalsIgnoreCase("true") && !startTls.equalsIgnoreCase("false")) {
            error = Messages.SiteConfig_badBoolean;
        }
        setErrorMessage(error);
        setValid(error == null);
    }

    private String value(String key) {
        Text text = inputs.get(key);
        return text == null ? "" : text.getText().strip();
    }

    @Override
    public boolean performOk() {
        if (inputs.isEmpty() || !editor.mayEdit()) {
            return true;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (SiteConfigEditor.Key key : SiteConfigEditor.KEYS) {
            String value = value(key.name());
            if (key.secret()) {
                if (!inputs.get(key.name()).getText().isEmpty()) {
                    secrets.put(key.name(), inputs.get(key.name()).getText());
                }
            } else if (!value.equals(current.getProperty(key.name(), "").strip())) {
                values.put(key.name(), value);
            }
        }
        if (values.isEmpty() && secrets.isEmpty()) {
            return true;
        }
        Shell shell = getShell().getParent() instanceof Shell parent ? parent : getShell();
        Job save = ConsoleJobs.create(Messages.SiteConfig_saveJob, (IProgressMonitor monitor) -> {
            try {
                editor.save(values, secrets);
                sync.asyncExec(() -> Dialogs.info(shell, Messages.SiteConfig_title, NLS.bind(Messages.SiteConfig_saved, editor.file())));
                return Status.OK_STATUS;
            } catch (AccessDeniedException e) {
                sync.asyncExec(() -> Dialogs.error(shell, Messages.SiteConfig_title, Messages.SiteConfig_denied));
                return Status.warning(Formats.describe(e), e);
            } catch (RuntimeException e) {
                sync.asyncExec(() -> Dialogs.error(shell, Messages.SiteConfig_title,
                        NLS.bind(Messages.SiteConfig_saveFailed, Formats.describe(e))));
                return Status.error(Formats.describe(e), e);
            }
        });
        save.setUser(true);
        save.schedule();
        return true;
    }
}
