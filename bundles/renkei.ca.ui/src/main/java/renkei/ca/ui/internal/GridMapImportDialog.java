// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.WidgetIds;
import renkei.ca.core.GridMapImport;

/**
 * The outcome of reading a grid-mapfile without storing it: how many entries would be added,
 * changed or left alone, and every conflict with its line; OK stores the conflict-free entries.
 * UI thread only.
 */
final class GridMapImportDialog extends CaDialog {

    private final String file;
    private final GridMapImport dryRun;

    GridMapImportDialog(Shell parent, String file, GridMapImport dryRun) {
        super(parent, Messages.Import_title, CaWidgetIds.IMPORT_SHELL, true);
        this.file = file;
        this.dryRun = dryRun;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().margins(12, 12).spacing(8, 8).applyTo(area);
        Label summary = WidgetIds.name(new Label(area, SWT.WRAP), CaWidgetIds.IMPORT_SUMMARY);
        summary.setText(NLS.bind(Messages.Import_summary, new Object[] { file, dryRun.entries(), dryRun.added(), dryRun.changed(),
                dryRun.unchanged(), dryRun.conflicts().size() }));
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(summary);
        new Label(area, SWT.NONE).setText(Messages.Import_conflicts);
        Text conflicts = WidgetIds.name(new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP),
                CaWidgetIds.IMPORT_CONFLICTS);
        conflicts.setFont(JFaceResources.getTextFont());
        conflicts.setText(dryRun.conflicts().isEmpty() ? Messages.Import_noConflicts : String.join("\n", dryRun.conflicts()));
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 220).applyTo(conflicts);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Import_apply, false)
                .setEnabled(dryRun.added() + dryRun.changed() > 0);
        createButton(parent, IDialogConstants.CANCEL_ID, renkei.app.internal.Messages.Button_cancel, true);
    }
}
