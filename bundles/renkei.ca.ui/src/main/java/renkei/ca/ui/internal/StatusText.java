// SPDX-License-Identifier: EPL-2.0
package renkei.ca.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import renkei.app.internal.StatusStyle;
import renkei.app.internal.WidgetIds;
import renkei.spi.HealthStatus;

/**
 * A label that reports how something went, in the console's status colours: plain while work is
 * under way, coloured by health afterwards. Its parent is laid out again after each change, since a
 * longer text (a refusal with its cause) needs more room than the one it replaces. UI thread only.
 */
final class StatusText {

    private final Label label;
    private final StatusStyle style;
    private HealthStatus shown;

    StatusText(Label label, StatusStyle style) {
        this.label = label;
        this.style = style;
    }

    /** A one-line report at the end of a row of buttons, taking the room the buttons leave. */
    static StatusText atEndOf(Composite row, String widgetId, StatusStyle style) {
        Label label = WidgetIds.name(new Label(row, SWT.NONE), widgetId);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(label);
        return new StatusText(label, style);
    }

    Label label() {
        return label;
    }

    /** Plain text: work under way, or a neutral outcome. */
    void plain(String text) {
        set(text, null);
    }

    void show(String text, HealthStatus health) {
        set(text, health);
    }

    void fail(String text) {
        set(text, HealthStatus.CRITICAL);
    }

    private void set(String text, HealthStatus health) {
        // Countdowns repeat the same state every few seconds; only a change is worth a layout.
        if (label.isDisposed() || text.equals(label.getText()) && health == shown) {
            return;
        }
        shown = health;
        label.setText(text);
        label.setForeground(health == null ? null : style.color(health));
        label.getParent().layout(true, true);
    }
}
