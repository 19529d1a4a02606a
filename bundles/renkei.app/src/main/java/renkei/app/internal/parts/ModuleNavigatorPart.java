// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.event.Event;

import renkei.app.internal.Messages;
import renkei.app.internal.WidgetIds;

/**
 * Lists the console's modules: every part tagged {@value #MODULE_TAG}, first those in the stack
 * {@value #MODULES_STACK} (including parts other bundles contribute through their
 * {@code fragment.e4xmi}), then any the operator moved elsewhere. Selecting one shows and
 * activates it; activating a module part elsewhere selects it here. UI thread only.
 */
public final class ModuleNavigatorPart {

    /** Tag that makes a part a module. */
    public static final String MODULE_TAG = "renkei.module";

    /** Element id of the stack module parts are contributed to. */
    public static final String MODULES_STACK = "renkei.app.modules";

    @Inject
    private EModelService models;

    @Inject
    private EPartService parts;

    @Inject
    private MWindow window;

    private TableViewer viewer;
    private boolean updatingSelection;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(parent);
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        WidgetIds.name(viewer.getTable(), WidgetIds.NAVIGATOR);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getTable());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                MPart part = (MPart) element;
                String label = part.getLocalizedLabel();
                return label == null || label.isBlank() ? part.getElementId() : label;
            }

            @Override
            public String getToolTipText(Object element) {
                MPart part = (MPart) element;
                String tooltip = part.getLocalizedTooltip();
                return tooltip == null || tooltip.isBlank() ? Messages.Navigator_tooltip : tooltip;
            }
        });
        viewer.addSelectionChangedListener(event -> {
            if (!updatingSelection && ((IStructuredSelection) event.getSelection()).getFirstElement() instanceof MPart part) {
                parts.showPart(part, EPartService.PartState.ACTIVATE);
            }
        });
        refresh();
    }

    private void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        Set<MPart> modules = new LinkedHashSet<>();
        if (models.find(MODULES_STACK, window) instanceof MElementContainer<?> stack) {
            for (MUIElement child : new ArrayList<>(stack.getChildren())) {
                if (child instanceof MPart part && part.getTags().contains(MODULE_TAG)) {
                    modules.add(part);
                }
            }
        }
        modules.addAll(models.findElements(window, null, MPart.class, List.of(MODULE_TAG)));
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        updatingSelection = true;
        try {
            viewer.setInput(List.copyOf(modules));
            if (selected != null && modules.contains(selected)) {
                viewer.setSelection(new StructuredSelection(selected));
            } else if (parts.getActivePart() != null && modules.contains(parts.getActivePart())) {
                viewer.setSelection(new StructuredSelection(parts.getActivePart()));
            }
        } finally {
            updatingSelection = false;
        }
    }

    @Inject
    @Optional
    void activePartChanged(@Named(IServiceConstants.ACTIVE_PART) MPart active) {
        if (viewer == null || viewer.getControl().isDisposed() || active == null || !active.getTags().contains(MODULE_TAG)) {
            return;
        }
        updatingSelection = true;
        try {
            viewer.setSelection(new StructuredSelection(active), true);
        } finally {
            updatingSelection = false;
        }
    }

    @Inject
    @Optional
    void modelChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_CHILDREN) Event event) {
        if (event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MUIElement changed
                && models.getTopLevelWindowFor(changed) == window) {
            refresh();
        }
    }

    @Inject
    @Optional
    void labelChanged(@UIEventTopic(UIEvents.UILabel.TOPIC_ALL) Event event) {
        if (viewer != null && !viewer.getControl().isDisposed()
                && event.getProperty(UIEvents.EventTags.ELEMENT) instanceof MPart part && part.getTags().contains(MODULE_TAG)) {
            viewer.refresh(part, true);
        }
    }

    @Focus
    void setFocus() {
        viewer.getControl().setFocus();
    }
}
