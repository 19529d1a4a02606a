// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal.mail;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.angus.activation.MailcapRegistryProviderImpl;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.MessagingException;

/**
 * Context class loader for Jakarta Mail calls. The API bundles find their implementations (Angus
 * {@code StreamProvider}, the SMTP provider, the mailcap registry and the {@code text/plain}
 * handler) through {@link java.util.ServiceLoader} and {@code META-INF} resources on the thread
 * context class loader. In OSGi without a Service Loader Mediator no bundle's own loader sees
 * another bundle's {@code META-INF}, not even this bundle's; so this loader adds the loaders of
 * the two Angus bundles (reached through classes of packages this bundle imports) to ours.
 *
 * <p>Thread-safe. One shared instance, because Jakarta Activation caches its command map per
 * context class loader.
 */
final class MailProviderClassLoader extends ClassLoader {

    static final MailProviderClassLoader INSTANCE = new MailProviderClassLoader(MailProviderClassLoader.class.getClassLoader(),
            List.of(SMTPTransport.class.getClassLoader(), MailcapRegistryProviderImpl.class.getClassLoader()));

    static {
        registerAsParallelCapable();
    }

    private final List<ClassLoader> providers;

    MailProviderClassLoader(ClassLoader parent, List<ClassLoader> providers) {
        super("renkei-mail-providers", parent);
        this.providers = List.copyOf(providers);
    }

    /** Work that may throw a Jakarta Mail exception. */
    @FunctionalInterface
    interface MailWork<T> {
        T run() throws MessagingException;
    }

    /** Runs {@code work} with this loader as context class loader and restores the caller's afterwards. */
    static <T> T withProviders(MailWork<T> work) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(INSTANCE);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader provider : providers) {
            try {
                return provider.loadClass(name);
            } catch (ClassNotFoundException notThere) {
                // try the next provider bundle
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader provider : providers) {
            URL url = provider.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        // De-duplicated: on a flat class path parent and providers are the same loader, and
        // duplicate mailcap or provider files would only be parsed twice.
        Set<URL> urls = new LinkedHashSet<>();
        ClassLoader parent = getParent();
        if (parent != null) {
            urls.addAll(Collections.list(parent.getResources(name)));
        }
        for (ClassLoader provider : providers) {
            urls.addAll(Collections.list(provider.getResources(name)));
        }
        return Collections.enumeration(urls);
    }
}
