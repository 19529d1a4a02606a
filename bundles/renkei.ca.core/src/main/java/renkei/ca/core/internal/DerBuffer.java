// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A growable byte buffer that writes DER (X.690) primitives, for structures too large to build as
 * BouncyCastle object trees: a CRL with 100,000 entries spends most of its time in per-entry
 * objects and in the {@code SimpleDateFormat} behind BouncyCastle's {@code Time(Date)}.
 *
 * <p>Not thread-safe; one buffer per encoding.
 */
final class DerBuffer {

    static final int SEQUENCE = 0x30;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int CONTEXT_0 = 0xA0;

    private byte[] bytes;
    private int size;

    DerBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    DerBuffer write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
        return this;
    }

    DerBuffer write(byte[] data) {
        return write(data, 0, data.length);
    }

    DerBuffer write(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Appends the content of {@code other}. */
    DerBuffer write(DerBuffer other) {
        return write(other.bytes, 0, other.size);
    }

    /** Tag and definite length (short form below 128, else the minimal long form). */
    DerBuffer header(int tag, int length) {
        write(tag);
        if (length < 0x80) {
            return write(length);
        }
        int octets = length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4;
        write(0x80 | octets);
        for (int shift = (octets - 1) * 8; shift >= 0; shift -= 8) {
            write(length >>> shift);
        }
        return this;
    }

    /** A constructed or primitive element whose content is {@code content}. */
    DerBuffer element(int tag, DerBuffer content) {
        return header(tag, content.size).write(content);
    }

    DerBuffer element(int tag, byte[] content) {
        return header(tag, content.length).write(content);
    }

    /** INTEGER in minimal two's complement, as DER requires. */
    DerBuffer integer(BigInteger value) {
        return element(INTEGER, value.toByteArray());
    }

    /**
     * RFC 5280 Time, at second precision: UTCTime for the years 1950–2049, GeneralizedTime otherwise
     * (section 4.1.2.5), both in the "Z" form without fractions.
     */
    DerBuffer time(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("Year out of range for an X.509 time: " + instant);
        }
        boolean utc = year >= 1950 && year <= 2049;
        ensure(17);
        bytes[size++] = (byte) (utc ? UTC_TIME : GENERALIZED_TIME);
        bytes[size++] = (byte) (utc ? 13 : 15);
        if (!utc) {
            digits(year / 100);
        }
        digits(year % 100);
        digits(t.getMonthValue());
        digits(t.getDayOfMonth());
        digits(t.getHour());
        digits(t.getMinute());
        digits(t.getSecond());
        bytes[size++] = 'Z';
        return this;
    }

    private void digits(int twoDigits) {
        bytes[size++] = (byte) ('0' + twoDigits / 10);
        bytes[size++] = (byte) ('0' + twoDigits % 10);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
