// SPDX-License-Identifier: EPL-2.0
package renkei.app.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The operator's language choice from the Language preference page. It is kept in the console's
 * instance preferences and applied at the next start, before any text is loaded; {@code -nl} on the
 * command line wins over it. Reading and storing touch the preference file, so callers run them
 * before the workbench exists or in a job.
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

    /** Whether {@code -nl} was given, which overrides the stored choice. */
    public static boolean givenOnCommandLine() {
        return Arrays.asList(Platform.getCommandLineArgs()).contains("-nl");
    }

    /**
     * Makes the stored language the default locale and the locale the workbench translates the
     * application model with. Must run before any message bundle is loaded.
     */
    public static void apply(IEclipseContext applicationContext) {
        String language = stored();
        if (language.isEmpty() || givenOnCommandLine() || !SUPPORTED.contains(language)) {
            return;
        }
        Locale locale = Locale.forLanguageTag(language);
        Locale.setDefault(locale);
        applicationContext.set(TranslationService.LOCALE, locale);
    }

    private static IEclipsePreferences preferences() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }
}
