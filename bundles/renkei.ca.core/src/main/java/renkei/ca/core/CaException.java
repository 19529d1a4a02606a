// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A CA operation was refused or failed; the message is one line an operator (or the CLI) can show
 * as it is, e.g. "CSR signature does not verify".
 *
 * <p>A refusal an operator or portal user can meet is made with {@link #of} from a key of
 * {@code messages.properties} next to this class (Japanese in {@code messages_ja.properties}).
 * {@link #getMessage()} is always the English text: the CLI's users grep it and audit records
 * must read the same whatever the server's locale. {@link #getLocalizedMessage()} is the text for
 * the default locale, which the console shows. Internal failures nobody can act on in their own
 * language (encoding errors, I/O causes) keep the plain-text constructors.
 */
public class CaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String BUNDLE = "renkei.ca.core.messages";

    private final String key;
    // Strings, not the caller's objects: the text must not change after the refusal was made, and
    // strings keep the exception serialisable.
    private final String[] args;

    public CaException(String message) {
        super(message);
        this.key = null;
        this.args = new String[0];
    }

    public CaException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
        this.args = new String[0];
    }

    /** For subclasses' keyed refusals; {@code args} are already strings. */
    protected CaException(String key, String[] args, Throwable cause) {
        super(text(key, args, Locale.ROOT), cause);
        this.key = key;
        this.args = args;
    }

    /** A refusal whose text is {@code key} in the CA messages, {@code {0}}, {@code {1}} … filled from {@code args}. */
    public static CaException of(String key, Object... args) {
        return new CaException(key, strings(args), null);
    }

    /** {@link #of} with the lower-level failure that explains it. */
    public static CaException caused(Throwable cause, String key, Object... args) {
        return new CaException(key, strings(args), cause);
    }

    /** The message key, or {@code null} for an untranslated message. */
    public String key() {
        return key;
    }

    /** The keyed refusal's arguments, so a connected client can rebuild it in its own language. */
    public List<String> args() {
        return List.of(args);
    }

    @Override
    public String getLocalizedMessage() {
        return key == null ? getMessage() : text(key, args, Locale.getDefault());
    }

    protected static String[] strings(Object... args) {
        return Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
    }

    /**
     * {@code key}'s text in {@code locale} (English where the language has no file or no such
     * key). Placeholders are replaced literally, without {@link java.text.MessageFormat}: it would
     * group digits ("4,096") and eat apostrophes, and the English text must stay as it was.
     */
    static String text(String key, String[] args, Locale locale) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // A programming error, but the refusal must still reach the operator.
            return key + " " + Arrays.toString(args);
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            int index = close < 0 ? -1 : index(pattern.substring(open + 1, close), args.length);
            if (index < 0) {
                int end = open < 0 ? pattern.length() : open + 1;
                text.append(pattern, i, end);
                i = end;
            } else {
                text.append(pattern, i, open).append(args[index]);
                i = close + 1;
            }
        }
        return text.toString();
    }

    private static int index(String digits, int count) {
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int index = Integer.parseInt(digits);
        return index < count ? index : -1;
    }

    private static ResourceBundle bundle(Locale locale) {
        // No fallback to the default locale: Locale.ROOT must give English on a Japanese JVM. The
        // files are UTF-8, which PropertyResourceBundle reads since Java 9.
        return ResourceBundle.getBundle(BUNDLE, locale, CaException.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
