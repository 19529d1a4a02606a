// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;

/**
 * Drives SWT from the test thread: every widget access is marshalled to the UI thread with
 * {@link Display#syncExec}, waits poll from the test thread, and input is posted as real key
 * events through {@link Display#post}. Widgets are found by the name the console stores under
 * {@value #WIDGET_ID_KEY} (see {@code renkei.app.internal.WidgetIds}).
 */
final class Ui {

    static final String WIDGET_ID_KEY = "renkei.widgetId";

    private static final Duration POLL = Duration.ofMillis(200);

    private final Display display;

    private Ui(Display display) {
        this.display = display;
    }

    /** Waits for the application's display, which lives on the launcher's main thread. */
    static Ui awaitDisplay(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                Display display = Display.findDisplay(thread);
                if (display != null && !display.isDisposed()) {
                    return new Ui(display);
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new TimeoutException("no SWT display within " + timeout.toSeconds() + " s");
    }

    Display display() {
        return display;
    }

    /** Runs {@code query} on the UI thread and returns its result. */
    <T> T call(Supplier<T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(query.get());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Polls {@code query} on the UI thread until it returns non-null. */
    <T> T await(String what, Duration timeout, Supplier<T> query) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = display.isDisposed() ? null : call(query);
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(what + " not seen within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The visible shell named {@code id}, or null. UI thread. */
    Shell shell(String id) {
        for (Shell shell : display.getShells()) {
            if (!shell.isDisposed() && shell.isVisible() && id.equals(shell.getData(WIDGET_ID_KEY))) {
                return shell;
            }
        }
        return null;
    }

    /** The first widget named {@code id} under {@code root}, or null. UI thread. */
    static <W extends Widget> W find(Control root, String id, Class<W> type) {
        if (root == null || root.isDisposed()) {
            return null;
        }
        if (id.equals(root.getData(WIDGET_ID_KEY)) && type.isInstance(root)) {
            return type.cast(root);
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                W found = find(child, id, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The text a label shows, whichever kind of label it is; null for none. UI thread. */
    static String text(Control control) {
        if (control instanceof org.eclipse.swt.widgets.Label label) {
            return label.getText();
        }
        if (control instanceof org.eclipse.swt.custom.CLabel label) {
            return label.getText();
        }
        return null;
    }

    /** Every widget of {@code type} under {@code root}. UI thread. */
    static <W extends Control> List<W> all(Control root, Class<W> type) {
        List<W> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <W extends Control> void collect(Control root, Class<W> type, List<W> found) {
        if (type.isInstance(root)) {
            found.add(type.cast(root));
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, found);
            }
        }
    }

    /**
     * Types {@code text} into the field with posted key events, as a keyboard would. Returns false
     * when the events did not arrive (no input focus under this X server) and the text was set
     * directly instead, so the report can say so.
     */
    boolean type(Text field, String text) throws InterruptedException {
        run(() -> {
            field.getShell().forceActive();
            field.setFocus();
            field.setText("");
        });
        Thread.sleep(150);
        for (char c : text.toCharArray()) {
            Event down = new Event();
            down.type = SWT.KeyDown;
            down.character = c;
            down.keyCode = c;
            display.post(down);
            Event up = new Event();
            up.type = SWT.KeyUp;
            up.character = c;
            up.keyCode = c;
            display.post(up);
            Thread.sleep(15);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (text.equals(call(() -> new String(field.getTextChars())))) {
                return true;
            }
            Thread.sleep(100);
        }
        run(() -> field.setText(text));
        return false;
    }

    /** Presses a button the way a click does: a selection event on the widget. */
    void press(org.eclipse.swt.widgets.Button button) {
        run(() -> {
            if (!button.isEnabled()) {
                throw new IllegalStateException("button '" + button.getText() + "' is disabled");
            }
            button.notifyListeners(SWT.Selection, new Event());
        });
    }

    /**
     * Presses a button whose listener opens a modal dialog. The press is queued on the UI thread
     * and this returns at once: a synchronous press would wait for the dialog to close.
     */
    void pressLater(org.eclipse.swt.widgets.Button button) {
        run(() -> {
            if (!button.isEnabled()) {
                throw new IllegalStateException("button '" + button.getText() + "' is disabled");
            }
        });
        display.asyncExec(() -> {
            if (!button.isDisposed()) {
                button.notifyListeners(SWT.Selection, new Event());
            }
        });
    }

    /** The visible dialog whose parent is {@code parent}, or null. UI thread. */
    Shell dialogOver(Shell parent) {
        for (Shell shell : display.getShells()) {
            if (shell != parent && !shell.isDisposed() && shell.isVisible() && shell.getParent() == parent) {
                return shell;
            }
        }
        return null;
    }

    /** A JFace dialog's button by its id ({@code IDialogConstants}), which JFace keeps as the button's data. UI thread. */
    static org.eclipse.swt.widgets.Button dialogButton(Shell dialog, int id) {
        return all(dialog, org.eclipse.swt.widgets.Button.class).stream().filter(button -> Integer.valueOf(id).equals(button.getData()))
                .findFirst().orElse(null);
    }

    /** Selects a radio button as a click does: the others of its group lose the selection, then the listeners run. UI thread. */
    static void choose(org.eclipse.swt.widgets.Button radio) {
        for (Control sibling : radio.getParent().getChildren()) {
            if (sibling instanceof org.eclipse.swt.widgets.Button other && (other.getStyle() & SWT.RADIO) != 0) {
                other.setSelection(other == radio);
            }
        }
        radio.notifyListeners(SWT.Selection, new Event());
    }

    /** Saves what the screen shows inside the shell's bounds as PNG. */
    void screenshot(Shell shell, Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        ImageData data = call(() -> {
            Objects.requireNonNull(shell, "shell");
            shell.update();
            // Without a window manager the shell's bounds still include the decorations GTK
            // expects one to draw; the window proper ends where its client area ends.
            Rectangle bounds = shell.getBounds();
            Rectangle client = shell.getClientArea();
            org.eclipse.swt.graphics.Point clientOrigin = display.map(shell, null, 0, 0);
            int width = Math.min(bounds.width, clientOrigin.x - bounds.x + client.width);
            int height = Math.min(bounds.height, clientOrigin.y - bounds.y + client.height);
            Image image = new Image(display, width, height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                return image.getImageData();
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }
}
