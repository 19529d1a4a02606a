// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLayoutData;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;

import renkei.app.internal.WidgetIds;
import renkei.app.internal.parts.ViewerColumns;

/**
 * A list of {@code T} as every CA part shows one: a single-selection table with headers, lines and
 * tooltips, its columns sized by a column layout, named for the UI test. UI thread only.
 */
final class CaTable<T> {

    private final Class<T> type;
    private final TableColumnLayout layout = new TableColumnLayout();
    private final Composite area;
    private final TableViewer viewer;

    /** In a grid-layout parent the table fills and grabs its cell; in a sash it takes its share. */
    CaTable(Composite parent, String widgetId, Class<T> type) {
        this.type = type;
        area = new Composite(parent, SWT.NONE);
        if (parent.getLayout() instanceof GridLayout) {
            GridDataFactory.fillDefaults().grab(true, true).applyTo(area);
        }
        area.setLayout(layout);
        viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        WidgetIds.name(viewer.getTable(), widgetId);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
    }

    /** The composite holding the table, for a layout that spans or sizes it otherwise. */
    Composite area() {
        return area;
    }

    TableViewer viewer() {
        return viewer;
    }

    /** A column; a null function leaves that aspect default. */
    void column(String title, ColumnLayoutData width, Function<T, String> text, Function<T, Image> image,
            Function<T, Color> foreground, Function<T, String> tooltip) {
        ViewerColumns.add(viewer, layout, type, title, width, text, image, foreground, tooltip);
    }

    /** The selected row, or null. */
    T selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return type.isInstance(first) ? type.cast(first) : null;
    }
}
