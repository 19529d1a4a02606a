// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal.parts;

import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnLayoutData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;

/**
 * Adds typed columns to the parts' table viewers (the console's and its domain bundles'); a
 * {@code null} function leaves that aspect default. UI thread only.
 */
public final class ViewerColumns {

    private ViewerColumns() {
    }

    public static <T> TableViewerColumn add(TableViewer viewer, TableColumnLayout layout, Class<T> type, String title,
            ColumnLayoutData width, Function<T, String> text, Function<T, Image> image, Function<T, Color> foreground,
            Function<T, String> tooltip) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        layout.setColumnData(column.getColumn(), width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }

            @Override
            public Image getImage(Object element) {
                return image == null ? null : image.apply(type.cast(element));
            }

            @Override
            public Color getForeground(Object element) {
                return foreground == null ? null : foreground.apply(type.cast(element));
            }

            @Override
            public String getToolTipText(Object element) {
                return tooltip == null ? null : tooltip.apply(type.cast(element));
            }
        });
        return column;
    }
}
