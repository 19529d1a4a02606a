// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import renkei.platform.MailMessage;

/**
 * Mail texts from {@code templates.properties} (English) and {@code templates_ja.properties} next
 * to this class: keys {@code <id>.subject} and {@code <id>.body}, placeholders {@code {name}}.
 * The files are UTF-8, which {@link java.util.PropertyResourceBundle} reads since Java 9.
 *
 * <p>Stateless and thread-safe.
 */
public final class MailTemplates {

    private static final String BASE_NAME = "renkei.platform.internal.mail.templates";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)\\}");

    /** A rendered subject and body. */
    public record Text(String subject, String body) {
    }

    /**
     * Renders template {@code templateId} in {@code locale} (English when the language has no file).
     *
     * @throws IllegalArgumentException for an unknown template or a placeholder without a value
     */
    public Text render(Locale locale, String templateId, Map<String, String> values) {
        ResourceBundle bundle = bundle(locale == null ? Locale.ROOT : locale);
        String subject = text(bundle, templateId, "subject");
        String body = text(bundle, templateId, "body");
        return new Text(fill(templateId, subject, values), fill(templateId, body, values));
    }

    /** {@link #render} addressed to {@code recipient}. */
    public MailMessage mail(String recipient, Locale locale, String templateId, Map<String, String> values) {
        Text text = render(locale, templateId, values);
        return new MailMessage(recipient, text.subject(), text.body());
    }

    private static ResourceBundle bundle(Locale locale) {
        // No fallback to the JVM's default locale: an English recipient on a Japanese server must
        // still get the English text from the base file.
        return ResourceBundle.getBundle(BASE_NAME, locale, MailTemplates.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String text(ResourceBundle bundle, String templateId, String part) {
        try {
            return bundle.getString(templateId + "." + part);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("Unknown mail template '" + templateId + "': no key " + templateId + "."
                    + part + " in " + BASE_NAME + " (known templates: " + templateIds(bundle) + ")", e);
        }
    }

    private static TreeSet<String> templateIds(ResourceBundle bundle) {
        TreeSet<String> ids = new TreeSet<>();
        for (String key : bundle.keySet()) {
            if (key.endsWith(".subject")) {
                ids.add(key.substring(0, key.length() - ".subject".length()));
            }
        }
        return ids;
    }

    private static String fill(String templateId, String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("Mail template '" + templateId + "' uses placeholder {" + name
                        + "} but no value was given for it (given: " + new TreeSet<>(values.keySet()) + ")");
            }
            // Values are inserted literally and not scanned again, so a value containing "{x}" stays as is.
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
