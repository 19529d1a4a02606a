// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Subject names the way Globus GSI sees them. A Globus server compares the peer's name as OpenSSL
 * 3's {@code X509_NAME_oneline} prints it ({@code openssl x509 -subject -nameopt compat}) with the
 * DN of each grid-mapfile line after {@code globus_i_gss_assist_gridmap_parse_globusid} has undone
 * the file's escapes. Renkei keeps the same slash form but with non-ASCII characters as themselves,
 * so an operator reads {@code O=国立情報学研究所} instead of UTF-8 bytes as {@code \xE5…}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GlobusNames {

    // OpenSSL's short names; X509_NAME_oneline falls back to the dotted OID for anything else.
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(Map.entry("2.5.4.6", "C"),
            Map.entry("2.5.4.8", "ST"), Map.entry("2.5.4.7", "L"), Map.entry("2.5.4.10", "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.5", "serialNumber"), Map.entry("2.5.4.4", "SN"),
            Map.entry("2.5.4.42", "GN"), Map.entry("2.5.4.12", "title"), Map.entry("2.5.4.9", "street"),
            Map.entry("2.5.4.17", "postalCode"), Map.entry("2.5.4.46", "dnQualifier"), Map.entry("2.5.4.65", "pseudonym"),
            Map.entry("1.2.840.113549.1.9.1", "emailAddress"), Map.entry("0.9.2342.19200300.100.1.25", "DC"),
            Map.entry("0.9.2342.19200300.100.1.1", "UID"));

    private GlobusNames() {
    }

    /**
     * The slash form of a certificate subject: OpenSSL 3's one-line form ({@code /} before each RDN,
     * {@code +} between the values of a multi-valued RDN, {@code /} and {@code +} inside values
     * escaped with a backslash) with characters left as Unicode.
     */
    public static String slashForm(X500Name name) {
        StringBuilder text = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            char separator = '/';
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                text.append(separator);
                separator = '+';
                String oid = value.getType().getId();
                text.append(SHORT_NAMES.getOrDefault(oid, oid)).append('=');
                for (char c : valueText(value.getValue()).toCharArray()) {
                    if (c == '/' || c == '+') {
                        text.append('\\');
                    }
                    text.append(c);
                }
            }
        }
        return text.toString();
    }

    private static String valueText(ASN1Encodable value) {
        return value instanceof ASN1String string ? string.getString() : value.toString();
    }

    /**
     * The DN as it goes between the quotes of a grid-mapfile line: pure ASCII, {@code \} and
     * {@code "} escaped with a backslash, every byte outside printable ASCII as {@code \xHH} (what
     * Globus's parser turns back into the name {@code X509_NAME_oneline} prints). A backslash that
     * would stand right before the closing quote is written {@code \x5C}: Globus takes any quote
     * after a backslash as escaped, even when that backslash is itself escaped.
     */
    public static String quoted(String slashForm) {
        StringBuilder text = new StringBuilder("\"");
        byte[] bytes = slashForm.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\\') {
                text.append(i == bytes.length - 1 ? "\\x5C" : "\\\\");
            } else if (b == '"') {
                text.append("\\\"");
            } else if (b < 0x20 || b > 0x7E) {
                text.append(String.format("\\x%02X", b));
            } else {
                text.append((char) b);
            }
        }
        return text.append('"').toString();
    }

    /**
     * Undoes the escapes of a grid-mapfile DN as Globus does: a backslash takes the next character
     * literally, {@code \xHH} is a byte. The bytes are then read as UTF-8, and {@code \xHH} text
     * left in the result (a file written as {@code \\xE5}, which Globus also treats as that byte)
     * is decoded too, so every spelling Globus treats alike gives one slash form.
     *
     * @throws IllegalArgumentException when the bytes are not UTF-8
     */
    public static String unescape(String fileDn) {
        byte[] parsed = globusParse(fileDn.getBytes(StandardCharsets.UTF_8));
        return utf8(decodeHexText(parsed));
    }

    private static byte[] globusParse(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        boolean escaped = false;
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xFF;
            if (c == '\\' && !escaped) {
                escaped = true;
                continue;
            }
            if (c == 'x' && escaped && i + 2 < in.length && isHex(in[i + 1]) && isHex(in[i + 2])) {
                c = Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16);
                i += 2;
            }
            out.write(c);
            escaped = false;
        }
        return out.toByteArray();
    }

    private static byte[] decodeHexText(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\\' && i + 3 < in.length && in[i + 1] == 'x' && isHex(in[i + 2]) && isHex(in[i + 3])) {
                int value = Integer.parseInt(new String(in, i + 2, 2, StandardCharsets.US_ASCII), 16);
                // Printable ASCII is never hex-escaped by OpenSSL, so such text is literal.
                if (value < 0x20 || value > 0x7E) {
                    out.write(value);
                    i += 3;
                    continue;
                }
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the DN is not UTF-8");
        }
    }
}
