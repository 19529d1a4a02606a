// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.preferences;

import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.prefs.BackingStoreException;

import renkei.app.internal.ConsoleJobs;
import renkei.app.internal.Dialogs;
import renkei.app.internal.Formats;
import renkei.app.internal.LanguageSettings;
import renkei.app.internal.Messages;

/**
 * Chooses the console's language (system default, English, Japanese). The choice is stored in a
 * job; {@code releng/run} applies it at the next start, and {@code -nl} on the command line still
 * wins.
 */
public final class LanguagePage extends PreferencePage {

    private final String stored;
    private final UISynchronize sync;
    private Combo combo;

    public LanguagePage(String stored, UISynchronize sync) {
        super(Messages.Language_title);
        this.stored = stored;
        this.sync = sync;
        setDescription(Messages.Language_description);
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(10, 8).applyTo(page);
        new Label(page, SWT.NONE).setText(Messages.Language_label);
        combo = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (String language : LanguageSettings.SUPPORTED) {
            combo.add(label(language));
        }
        combo.select(Math.max(0, LanguageSettings.SUPPORTED.indexOf(stored)));
        Label note = new Label(page, SWT.WRAP);
        note.setText(NLS.bind(Messages.Language_current, Locale.getDefault().getDisplayLanguage(Locale.getDefault()))
                + "\n" + Messages.Language_restartNote);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(note);
        return page;
    }

    private static String label(String language) {
        return switch (language) {
            case "" -> Messages.Language_system;
            case "en" -> Messages.Language_english;
            case "ja" -> Messages.Language_japanese;
            default -> language;
        };
    }

    @Override
    public boolean performOk() {
        if (combo == null || combo.isDisposed()) {
            return true;
        }
        String chosen = LanguageSettings.SUPPORTED.get(Math.max(0, combo.getSelectionIndex()));
        if (chosen.equals(stored)) {
            return true;
        }
        Shell shell = getShell().getParent() instanceof Shell parent ? parent : getShell();
        Job store = ConsoleJobs.create(Messages.Language_storeJob, (IProgressMonitor monitor) -> {
            try {
                LanguageSettings.store(chosen);
                sync.asyncExec(() -> Dialogs.info(shell, Messages.Language_title, Messages.Language_restartNote));
                return Status.OK_STATUS;
            } catch (BackingStoreException e) {
                sync.asyncExec(() -> Dialogs.error(shell, Messages.Language_title,
                        NLS.bind(Messages.Language_storeFailed, Formats.describe(e))));
                return Status.error(Formats.describe(e), e);
            }
        });
        store.setUser(true);
        store.schedule();
        return true;
    }
}
