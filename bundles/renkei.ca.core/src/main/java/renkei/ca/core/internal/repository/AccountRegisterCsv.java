// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import renkei.ca.core.CaException;

/**
 * Reads the secretariat's account register export (CA-10): UTF-8 CSV (RFC 4180 quoting) with a
 * header line naming the columns {@code account} (required), {@code hpci_id}, {@code project} and
 * {@code resource_site} in any order; other columns are ignored so a fuller export still loads.
 * Any bad row refuses the whole file, because a register with holes would make valid accounts look
 * unknown.
 *
 * <p>Stateless; thread-safe.
 */
final class AccountRegisterCsv {

    private AccountRegisterCsv() {
    }

    static List<MappingTables.RegisteredAccount> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // Excel writes a BOM
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            throw CaException.of("register.empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT).replace('-', '_'), i);
        }
        Integer account = columns.get("account");
        if (account == null) {
            throw CaException.of("register.noAccountColumn", String.join(",", header));
        }
        List<MappingTables.RegisteredAccount> accounts = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String name = cell(row, account).orElseThrow(() -> CaException.of("register.noAccount", line));
            if (GridMapFormat.accountProblem(name) != null) {
                throw CaException.of("register.badAccount", line, name);
            }
            Integer earlier = seen.putIfAbsent(name, line);
            if (earlier != null) {
                throw CaException.of("register.duplicate", line, name, earlier);
            }
            accounts.add(new MappingTables.RegisteredAccount(name, cell(row, columns.get("hpci_id")), cell(row, columns.get("project")),
                    cell(row, columns.get("resource_site"))));
        }
        return accounts;
    }

    private static Optional<String> cell(List<String> row, Integer column) {
        if (column == null || column >= row.size()) {
            return Optional.empty();
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw CaException.of("register.unclosedQuote", line);
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
