// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import renkei.app.internal.Formats;
import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.ca.core.AccountMapping;
import renkei.ca.core.CaService;
import renkei.ca.core.GridMapImport;
import renkei.ca.core.GridMapService;
import renkei.platform.Session;

/**
 * The mapping store and its grid-mapfile (CA-10): mappings filtered by DN, account, ePPN or
 * HPCI-ID; add, edit and remove (removal after showing the mapping); the grid-mapfile as it would be
 * published now and its differences from the published one; importing an existing grid-mapfile,
 * first as a dry run with its conflicts, then for real. Every service call runs in a job; the
 * mappings, preview and diff are re-read after each change and on CA changes. UI thread only.
 */
public final class GridMapPart {

    @Inject
    @Optional
    @Service
    private GridMapService gridMap;

    @Inject
    @Optional
    private Session session;

    @Inject
    private UISynchronize sync;

    private StatusStyle style;
    private Text filter;
    private StatusText summary;
    private CaTable<AccountMapping> table;
    private TableViewer viewer;
    private Button add;
    private Button edit;
    private Button remove;
    private Button importButton;
    private Text preview;
    private Text diff;
    private final CaCalls.Latest reads = new CaCalls.Latest();

    /** What one read brings back. */
    private record Snapshot(List<AccountMapping> mappings, String rendered, List<String> diff) {
    }

    /** A grid-mapfile as read and its dry-run import. */
    private record DryRun(String text, GridMapImport result) {
    }

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(6, 6).applyTo(parent);
        style = new StatusStyle(parent);
        Composite bar = CaWidgets.row(parent, 8);
        filter = CaWidgets.filter(bar, Messages.GridMap_filter, 200, Messages.GridMap_show, this::refresh);
        add = CaWidgets.button(bar, Messages.GridMap_add, () -> edit(null));
        edit = CaWidgets.button(bar, Messages.GridMap_edit, () -> edit(table.selected()));
        remove = CaWidgets.button(bar, Messages.GridMap_remove, this::removeSelected);
        importButton = CaWidgets.button(bar, Messages.GridMap_import, this::importFile);
        summary = StatusText.atEndOf(bar, CaWidgetIds.GRIDMAP_SUMMARY, style);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTable(sash);
        // Side by side: what would be published and how it differs from what is, read together.
        SashForm files = new SashForm(sash, SWT.HORIZONTAL);
        preview = WidgetIds.name(textPane(files, Messages.GridMap_preview, SWT.H_SCROLL), CaWidgetIds.GRIDMAP_PREVIEW);
        // The narrower pane wraps: a diff line or the "no differences" sentence is read whole.
        diff = WidgetIds.name(textPane(files, Messages.GridMap_diff, SWT.WRAP), CaWidgetIds.GRIDMAP_DIFF);
        files.setWeights(60, 40);
        sash.setWeights(50, 50);
        updateButtons();
        refresh();
    }

    private static Text textPane(Composite parent, String title, int style) {
        Composite pane = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(pane);
        new Label(pane, SWT.NONE).setText(title);
        Text text = new Text(pane, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | style);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        return text;
    }

    private void createTable(Composite parent) {
        table = new CaTable<>(parent, CaWidgetIds.MAPPING_TABLE, AccountMapping.class);
        viewer = table.viewer();
        table.column(Messages.GridMap_colDn, new ColumnWeightData(50, 200),
                AccountMapping::subjectDn, null, null, AccountMapping::subjectDn);
        table.column(Messages.GridMap_colAccounts, new ColumnWeightData(18, 90),
                m -> String.join(",", m.accounts()), null, null, null);
        table.column(Messages.GridMap_colEppn, new ColumnWeightData(20, 100),
                m -> m.eppn().orElse(""), null, null, null);
        table.column(Messages.GridMap_colHpciId, new ColumnWeightData(12, 80),
                m -> m.hpciId().orElse(""), null, null, null);
        viewer.addSelectionChangedListener(event -> updateButtons());
        viewer.addDoubleClickListener(event -> edit(table.selected()));
    }

    private void updateButtons() {
        java.util.Optional<String> missing = missing();
        CaWidgets.enable(add, missing);
        CaWidgets.enable(importButton, missing);
        boolean one = table.selected() != null && missing.isEmpty();
        edit.setEnabled(one);
        remove.setEnabled(one);
    }

    private java.util.Optional<String> missing() {
        return CaWidgets.missing(gridMap, Messages.GridMap_unavailable, session);
    }

    /** Whether the mapping service and a session are there for a change; if not, the summary says which is missing. */
    private boolean ready() {
        java.util.Optional<String> missing = missing();
        missing.ifPresent(summary::fail);
        return missing.isEmpty();
    }

    private void refresh() {
        GridMapService service = gridMap;
        if (service == null) {
            summary.fail(Messages.GridMap_unavailable);
            return;
        }
        java.util.Optional<String> text = java.util.Optional.of(filter.getText().strip()).filter(f -> !f.isEmpty());
        summary.plain(Messages.GridMap_loading);
        reads.read(sync, summary.label(), Messages.GridMap_readJob,
                () -> new Snapshot(service.mappings(text), service.render(), service.diffAgainstPublished()), this::show,
                e -> summary.fail(NLS.bind(Messages.GridMap_readFailed, Formats.describe(e))));
    }

    private void show(Snapshot snapshot) {
        viewer.setInput(snapshot.mappings());
        preview.setText(snapshot.rendered());
        diff.setText(snapshot.diff().isEmpty() ? Messages.GridMap_noDiff : String.join("\n", snapshot.diff()));
        summary.plain(NLS.bind(Messages.GridMap_summary, snapshot.mappings().size(),
                snapshot.diff().isEmpty() ? Messages.GridMap_inSync : Messages.GridMap_outOfSync));
        updateButtons();
    }

    private void edit(AccountMapping existing) {
        if (!ready()) {
            return;
        }
        GridMapService service = gridMap;
        Session by = session;
        MappingDialog dialog = new MappingDialog(viewer.getControl().getShell(), existing);
        if (dialog.open() != Window.OK) {
            return;
        }
        AccountMapping mapping = dialog.result();
        CaCalls.change(sync, summary.label(), NLS.bind(Messages.GridMap_putJob, mapping.subjectDn()), () -> service.put(by, mapping),
                stored -> refresh(), e -> summary.fail(NLS.bind(Messages.GridMap_putFailed, Formats.describe(e))));
    }

    private void removeSelected() {
        AccountMapping mapping = table.selected();
        GridMapService service = gridMap;
        Session by = session;
        if (mapping == null || service == null || by == null) {
            return;
        }
        String question = NLS.bind(Messages.GridMap_removeConfirm, mapping.subjectDn(), String.join(",", mapping.accounts()));
        MessageDialog confirm = new MessageDialog(remove.getShell(), Messages.GridMap_remove, null, question,
                MessageDialog.WARNING, 1, Messages.GridMap_remove, renkei.app.internal.Messages.Button_cancel);
        if (confirm.open() != 0) {
            return;
        }
        CaCalls.change(sync, summary.label(), NLS.bind(Messages.GridMap_removeJob, mapping.subjectDn()), () -> {
            service.remove(by, mapping.subjectDn());
            return mapping;
        }, removed -> refresh(), e -> summary.fail(NLS.bind(Messages.GridMap_removeFailed, Formats.describe(e))));
    }

    private void importFile() {
        FileDialog chooser = new FileDialog(viewer.getControl().getShell(), SWT.OPEN);
        chooser.setFileName("grid-mapfile");
        String file = chooser.open();
        if (file != null) {
            importFrom(file);
        }
    }

    /**
     * Reads {@code file} and shows its dry run, then imports it if the operator agrees. The UI
     * test calls this by reflection, since it cannot drive the native file chooser.
     */
    void importFrom(String file) {
        if (!ready()) {
            return;
        }
        GridMapService service = gridMap;
        Session by = session;
        CaCalls.local(sync, summary.label(), NLS.bind(Messages.GridMap_importJob, file), () -> {
            String text = LocalFiles.readText(Path.of(file));
            return new DryRun(text, service.importGridMapfile(by, text, false));
        }, dryRun -> {
            if (new GridMapImportDialog(viewer.getControl().getShell(), file, dryRun.result()).open() != Window.OK) {
                return;
            }
            CaCalls.change(sync, summary.label(), NLS.bind(Messages.GridMap_importJob, file),
                    () -> service.importGridMapfile(by, dryRun.text(), true),
                    applied -> {
                        refresh();
                        summary.plain(NLS.bind(Messages.GridMap_imported, applied.added(), applied.changed()));
                    }, e -> summary.fail(NLS.bind(Messages.GridMap_importFailed, Formats.describe(e))));
        }, e -> summary.fail(NLS.bind(Messages.GridMap_importFailed, Formats.describe(e))));
    }

    @Inject
    @Optional
    void caChanged(@UIEventTopic(CaService.TOPIC_CHANGED) Object event) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            refresh();
        }
    }

    @Focus
    void setFocus() {
        filter.setFocus();
    }
}
