// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes grid-mapfile lines by the rules of Globus {@code globus_gss_assist}
 * ({@code gridmap.c}, GT 5 and later): leading blanks are skipped, {@code #} starts a comment
 * line, the DN is double-quoted (or runs to the first blank when not), and the accounts follow,
 * separated by commas; anything after the first blank in the account list is ignored by Globus and
 * refused here, since it is almost always an account someone meant to list.
 *
 * <p>Stateless and thread-safe.
 */
public final class GridMapFormat {

    /** POSIX portable user names; a leading dot is Globus's marker for a gridmapdir pool account. */
    private static final Pattern ACCOUNT = Pattern.compile("\\.?[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");
    private static final String BLANKS = " \t\n\r";

    private GridMapFormat() {
    }

    /** One mapping line of a file. */
    public record Entry(int line, String subjectDn, List<String> accounts) {
    }

    /** Something wrong with one line of a file. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** What a file held: its mapping lines, and the lines that could not be read with the reason. */
    public record Parsed(List<Entry> entries, List<Problem> errors) {
    }

    public static String line(String subjectDn, List<String> accounts) {
        return GlobusNames.quoted(subjectDn) + " " + String.join(",", accounts);
    }

    /** Why {@code account} cannot stand in a grid-mapfile, or {@code null} when it can. */
    public static String accountProblem(String account) {
        return ACCOUNT.matcher(account).matches() ? null
                : "'" + account + "' is not a valid local account name (letters, digits, '.', '_', '-'; at most 64)";
    }

    public static Parsed parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            try {
                Entry entry = parseLine(number, lines[i]);
                if (entry != null) {
                    entries.add(entry);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new Problem(number, e.getMessage()));
            }
        }
        return new Parsed(List.copyOf(entries), List.copyOf(errors));
    }

    /** @return {@code null} for blank and comment lines */
    static Entry parseLine(int number, String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int start = skipBlanks(line, 0);
        if (start == line.length() || line.charAt(start) == '#') {
            return null;
        }
        int dnEnd;
        String dn;
        int rest;
        if (line.charAt(start) == '"') {
            // Globus's rule: the first quote not directly after a backslash closes the DN.
            dnEnd = line.indexOf('"', start + 1);
            while (dnEnd > 0 && line.charAt(dnEnd - 1) == '\\') {
                dnEnd = line.indexOf('"', dnEnd + 1);
            }
            if (dnEnd < 0) {
                throw new IllegalArgumentException("the closing quote of the DN is missing");
            }
            dn = line.substring(start + 1, dnEnd);
            rest = dnEnd + 1;
        } else {
            dnEnd = start;
            while (dnEnd < line.length() && BLANKS.indexOf(line.charAt(dnEnd)) < 0) {
                dnEnd++;
            }
            if (dnEnd == line.length()) {
                throw new IllegalArgumentException("no account follows the DN");
            }
            dn = line.substring(start, dnEnd);
            rest = dnEnd;
        }
        String slashForm = GlobusNames.unescape(dn);
        if (!slashForm.startsWith("/") || !slashForm.contains("=")) {
            throw new IllegalArgumentException("'" + dn + "' is not a DN in slash form such as /C=JP/O=HPCI/CN=...");
        }
        String accountText = line.substring(skipBlanks(line, rest)).strip();
        if (accountText.isEmpty()) {
            throw new IllegalArgumentException("no account follows the DN");
        }
        if (accountText.chars().anyMatch(c -> BLANKS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("blank inside the account list '" + accountText
                    + "' (accounts are separated by commas only; Globus would ignore what follows the blank)");
        }
        List<String> accounts = Arrays.stream(accountText.split(",")).filter(a -> !a.isEmpty()).toList();
        for (String account : accounts) {
            String problem = accountProblem(account);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        return new Entry(number, slashForm, accounts);
    }

    private static int skipBlanks(String line, int from) {
        int i = from;
        while (i < line.length() && BLANKS.indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
