// SPDX-License-Identifier: EPL-2.0
package renkei.app.uitest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the UI test found: one line per check or note, and the verdict. Written as
 * {@code result<suffix>.txt} whose last line is {@code RESULT=PASS} or {@code RESULT=FAIL}; the
 * lines are echoed to standard output as they happen. Thread-safe.
 */
final class Report {

    private final Path file;
    private final List<String> lines = new ArrayList<>();
    private boolean failed;

    Report(Path file) {
        this.file = file;
    }

    synchronized void pass(String check) {
        add("PASS " + check);
    }

    synchronized void fail(String check) {
        failed = true;
        add("FAIL " + check);
    }

    synchronized void note(String text) {
        add("NOTE " + text);
    }

    /** Records a check that holds when {@code condition} is true. */
    synchronized boolean check(boolean condition, String check, String whenFailed) {
        if (condition) {
            pass(check);
        } else {
            fail(check + ": " + whenFailed);
        }
        return condition;
    }

    synchronized boolean passed() {
        return !failed;
    }

    private void add(String line) {
        String stamped = Instant.now() + " " + line;
        lines.add(stamped);
        System.out.println("[uitest] " + stamped);
    }

    synchronized void write() {
        List<String> out = new ArrayList<>(lines);
        out.add("RESULT=" + (failed ? "FAIL" : "PASS"));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".result", ".tmp");
            Files.write(temporary, out, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
