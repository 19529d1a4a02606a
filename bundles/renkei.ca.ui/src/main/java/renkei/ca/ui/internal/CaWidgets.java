// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import renkei.platform.Session;

/**
 * What the CA parts and dialogs repeat: rows of buttons, filter fields, labelled fields, and the
 * rule for an action whose service or operator session is missing: disabled, with the reason in
 * its tooltip and where the part reports. UI thread only.
 */
final class CaWidgets {

    private CaWidgets() {
    }

    static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** A row of {@code columns} controls across a grid-layout parent. */
    static Composite row(Composite parent, int columns) {
        Composite row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(columns).spacing(6, 0).applyTo(row);
        return row;
    }

    /** "label [field] [show]" in a row: Enter in the field or the button runs {@code show}. */
    static Text filter(Composite row, String label, int width, String show, Runnable action) {
        new Label(row, SWT.NONE).setText(label);
        Text filter = new Text(row, SWT.BORDER | SWT.SINGLE | SWT.SEARCH);
        GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(filter);
        filter.addListener(SWT.DefaultSelection, event -> action.run());
        button(row, show, action);
        return filter;
    }

    /** "label [field]" in a two-column grid; the field takes the room left, at least {@code width}. */
    static Text field(Composite parent, String label, int style, int width) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | style);
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(text);
        return text;
    }

    /** Why an action needing {@code service} and an operator session cannot run, if it cannot. */
    static Optional<String> missing(Object service, String unavailable, Session session) {
        if (service == null) {
            return Optional.of(unavailable);
        }
        return session == null ? Optional.of(Messages.Ca_noSession) : Optional.empty();
    }

    /**
     * Enables {@code button} when nothing is missing; otherwise disables it and says why, in its
     * tooltip and in {@code report}. Returns whether it is enabled.
     */
    static boolean enable(Button button, Optional<String> missing, StatusText report) {
        missing.ifPresent(report::fail);
        return enable(button, missing);
    }

    /** As {@link #enable(Button, Optional, StatusText)}, the reason in the tooltip alone. */
    static boolean enable(Button button, Optional<String> missing) {
        button.setEnabled(missing.isEmpty());
        button.setToolTipText(missing.orElse(null));
        return missing.isEmpty();
    }
}
