// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The operator's language choice from the Language preference page, kept in the console's instance
 * preferences ({@code renkei.app.prefs}, key {@code language}). It takes effect at the next start:
 * every bundle's message texts are chosen once, when the framework starts, from its locale, so
 * {@code releng/run} passes the stored language as {@code -nl} (an explicit {@code -nl} wins).
 * Reading and storing touch the preference file, so callers run them in a job.
 */
public final class LanguageSettings {

    /** Languages the console has message bundles for; the empty string means "as the system". */
    public static final List<String> SUPPORTED = List.of("", "en", "ja");

    private static final String NODE = "renkei.app";
    private static final String KEY = "language";

    private LanguageSettings() {
    }

    /** The stored choice, "" when none. */
    public static String stored() {
        return preferences().get(KEY, "");
    }

    public static void store(String language) throws BackingStoreException {
        IEclipsePreferences preferences = preferences();
        if (language == null || language.isEmpty()) {
            preferences.remove(KEY);
        } else {
            preferences.put(KEY, language);
        }
        preferences.flush();
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
