// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.List;
import java.util.Optional;

import renkei.platform.Role;
import renkei.platform.Session;
import renkei.platform.remote.RemoteService;
import renkei.platform.remote.RequiresRole;

/**
 * The mapping store (CA-10): certificate subject DN ↔ local account(s) ↔ ePPN ↔ HPCI-ID, and
 * grid-mapfiles in the Globus format generated from it (quoted DN, comma-separated accounts,
 * {@code #} comments, deterministic order). Only subjects of currently valid certificates reach the
 * generated file.
 *
 * <p>Thread-safe; methods block on the database. Changes are audited.
 *
 * <p>Exported to connected consoles. The mappings name people (ePPN, HPCI-ID, accounts), so the
 * methods without a session need the roles that may read them remotely.
 *
 * @noimplement
 */
@RemoteService
public interface GridMapService {

    /** Mappings whose DN, account, ePPN or HPCI-ID contains {@code filter} (all when empty), by DN. */
    @RequiresRole({ Role.CA_OPERATOR, Role.CA_OFFICER, Role.OPERATIONS_OFFICE })
    List<AccountMapping> mappings(Optional<String> filter);

    AccountMapping put(Session by, AccountMapping mapping);

    void remove(Session by, String subjectDn);

    /** The grid-mapfile as it would be published now. */
    @RequiresRole({ Role.CA_OPERATOR, Role.CA_OFFICER, Role.OPERATIONS_OFFICE })
    String render();

    /** Unified-style differences between the published grid-mapfile and {@link #render()}; empty when equal. */
    @RequiresRole({ Role.CA_OPERATOR, Role.CA_OFFICER, Role.OPERATIONS_OFFICE })
    List<String> diffAgainstPublished();

    /**
     * Reads an existing grid-mapfile. Conflicts (a DN mapped twice, an account not in the account
     * register, a line that does not parse) are reported; with {@code apply} the conflict-free
     * entries are stored.
     */
    GridMapImport importGridMapfile(Session by, String text, boolean apply);

    /**
     * Replaces the account register (the secretariat's user/project/resource registers) that
     * mappings and imports are checked against. UTF-8 CSV with a header line naming the columns
     * {@code account} (required), {@code hpci_id}, {@code project}, {@code resource_site}; a bad row
     * refuses the whole file.
     *
     * @return how many accounts the register now holds
     */
    int importAccountRegister(Session by, String csv);
}
