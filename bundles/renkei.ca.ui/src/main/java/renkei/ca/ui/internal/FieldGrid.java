// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Label/value rows in a two-column grid, the layout of the CA status panels. UI thread only.
 */
final class FieldGrid {

    private FieldGrid() {
    }

    /** Adds "label: value" to {@code parent}, which must have a two-column grid layout; returns the value label. */
    static Label add(Composite parent, String label) {
        Label name = new Label(parent, SWT.NONE);
        name.setText(label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(name);
        Label value = new Label(parent, SWT.WRAP);
        value.setText(renkei.app.internal.Formats.NONE);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(value);
        return value;
    }
}
