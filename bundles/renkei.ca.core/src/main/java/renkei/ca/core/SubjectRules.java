// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Builds certificate subjects from the configured DN base and the profile's common-name rule.
 * Client CNs come from IdP attributes through a format such as {@code {givenName} {sn} {hpciId}}
 * (CA-03): a missing attribute means no issuance. Host CNs must be fully qualified domain names;
 * service CNs are {@code service/host.fqdn}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SubjectRules {

    /** CA-03 default: romanised given name, family name, then the HPCI-ID. */
    public static final String DEFAULT_CLIENT_FORMAT = "{givenName} {sn} {hpciId}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ROMANISED = Pattern.compile("[A-Za-z][A-Za-z .'-]*");
    private static final Pattern HPCI_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{1,31}");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final X500Name base;
    private final String clientFormat;

    /**
     * @param base         the DN every subject starts with, in OpenSSL's slash form ({@code /C=JP/O=HPCI/OU=CA})
     *                     or RFC 4514 form ({@code C=JP,O=HPCI,OU=CA}), most significant first
     * @param clientFormat client CN format with {@code {attribute}} placeholders
     */
    public SubjectRules(String base, String clientFormat) {
        this.base = parseBase(base);
        this.clientFormat = Objects.requireNonNull(clientFormat, "clientFormat");
        if (!PLACEHOLDER.matcher(clientFormat).find()) {
            throw new IllegalArgumentException("Client CN format must use at least one {attribute}: " + clientFormat);
        }
    }

    /** The client CN from IdP attributes (LDAP names: givenName, sn, hpciId, …). */
    public String clientCommonName(Map<String, String> attributes) {
        Matcher matcher = PLACEHOLDER.matcher(clientFormat);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String attribute = matcher.group(1);
            String value = attributes.get(attribute);
            if (value == null || value.isBlank()) {
                throw CaException.of("subject.missingAttribute", attribute);
            }
            value = value.strip();
            if (attribute.equals("hpciId") ? !HPCI_ID.matcher(value).matches() : !ROMANISED.matcher(value).matches()) {
                throw CaException.of("subject.badCharacters", attribute, value);
            }
            matcher.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(name);
        return name.toString();
    }

    /** Validates and normalises (lower case, no trailing dot) a host name for a host certificate. */
    public static String hostCommonName(String fqdn) {
        String host = fqdn == null ? "" : fqdn.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.", -1);
        if (host.length() > 253 || labels.length < 3) {
            throw CaException.of("subject.hostNotFqdn", fqdn);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw CaException.of("subject.hostBadLabel", label, fqdn);
            }
        }
        if (labels[labels.length - 1].matches("\\d+")) {
            throw CaException.of("subject.hostIsAddress", fqdn);
        }
        return host;
    }

    /**
     * Validates and normalises a further DNS name of a server certificate (subjectAltName): like
     * {@link #hostCommonName} but a single label such as {@code localhost} is allowed too.
     */
    public static String dnsName(String name) {
        String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.", -1);
        if (host.isEmpty() || host.length() > 253) {
            throw CaException.of("subject.hostNotFqdn", name);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw CaException.of("subject.hostBadLabel", label, name);
            }
        }
        if (labels[labels.length - 1].matches("\\d+")) {
            throw CaException.of("subject.hostIsAddress", name);
        }
        return host;
    }

    /** {@code service/host.fqdn}, the Globus convention for service certificates. */
    public static String serviceCommonName(String service, String fqdn) {
        String name = service == null ? "" : service.strip().toLowerCase(Locale.ROOT);
        if (!SERVICE.matcher(name).matches()) {
            throw CaException.of("subject.badServiceName", service);
        }
        return name + "/" + hostCommonName(fqdn);
    }

    /** The full subject: the base RDNs then the CN. */
    public X500Name subject(String commonName) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (RDN rdn : base.getRDNs()) {
            builder.addRDN(rdn.getFirst());
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private static X500Name parseBase(String base) {
        String text = Objects.requireNonNull(base, "base").strip();
        if (text.startsWith("/")) {
            text = String.join(",", text.substring(1).split("/"));
        }
        try {
            X500Name name = new X500Name(BCStyle.INSTANCE, text);
            if (name.getRDNs(BCStyle.CN).length > 0) {
                throw new IllegalArgumentException("The subject base must not contain a CN: " + base);
            }
            return name;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Subject base is not a distinguished name: " + base + " (" + e.getMessage() + ")", e);
        }
    }
}
