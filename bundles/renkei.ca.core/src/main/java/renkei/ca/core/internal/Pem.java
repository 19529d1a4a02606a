// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text as OpenSSL writes it: 64-column base64 between BEGIN/END lines. */
public final class Pem {

    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
