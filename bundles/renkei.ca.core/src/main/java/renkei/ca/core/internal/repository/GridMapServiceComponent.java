// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import renkei.ca.core.AccountMapping;
import renkei.ca.core.CaException;
import renkei.ca.core.GridMapImport;
import renkei.ca.core.GridMapService;
import renkei.ca.core.internal.CaSchema;
import renkei.ca.core.internal.CaSettings;
import renkei.platform.AuditLog;
import renkei.platform.Database;
import renkei.platform.Session;
import renkei.platform.SiteConfig;
import renkei.ca.core.internal.CaAccess;

/**
 * The mapping store and grid-mapfiles (CA-10) on the database: mappings, the account register
 * they are checked against, and the grid-mapfile rendered from mappings whose subject holds a
 * valid certificate. Changes need {@code CA_OPERATOR}; every change, applied import and refusal is
 * audited in the {@code ca} category.
 *
 * <p>Thread-safe: state lives in the database; an import checks and writes in one transaction.
 */
@Component(service = GridMapService.class)
public final class GridMapServiceComponent implements GridMapService {

    private final Database database;
    private final CaAccess access;
    private final Path repositoryDirectory;
    private final Clock clock;
    private final MappingTables tables = new MappingTables();

    @Activate
    public GridMapServiceComponent(@Reference Database database, @Reference AuditLog audit, @Reference SiteConfig config) {
        this(database, audit, CaSettings.from(config).repositoryDirectory(), Clock.systemUTC());
    }

    /** @param repositoryDirectory where the published grid-mapfile is, for {@link #diffAgainstPublished()} */
    public GridMapServiceComponent(Database database, AuditLog audit, Path repositoryDirectory, Clock clock) {
        this.database = database;
        this.access = new CaAccess(audit);
        this.repositoryDirectory = repositoryDirectory;
        this.clock = clock;
        database.migrate(CaSchema.migrations());
    }

    @Override
    public List<AccountMapping> mappings(Optional<String> filter) {
        String needle = filter.map(f -> f.strip().toLowerCase(Locale.ROOT)).orElse("");
        return database.withConnection(tables::all).values().stream()
                .filter(m -> needle.isEmpty() || Stream.concat(Stream.of(m.subjectDn(), m.eppn().orElse(""), m.hpciId().orElse("")),
                        m.accounts().stream()).anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(needle)))
                .sorted(Comparator.comparing(AccountMapping::subjectDn)).toList();
    }

    @Override
    public AccountMapping put(Session by, AccountMapping mapping) {
        access.require(by, "ca.mapping.put", mapping.subjectDn(), CaAccess.CHANGE);
        try {
            AccountMapping stored = new AccountMapping(slashForm(mapping.subjectDn()), mapping.accounts(), mapping.eppn(),
                    mapping.hpciId());
            database.inTransaction(c -> {
                Set<String> register = tables.registeredAccounts(c);
                for (String account : stored.accounts()) {
                    CaException refusal = accountRefusal(account, register);
                    if (refusal != null) {
                        throw refusal;
                    }
                }
                tables.upsert(c, stored, by.username(), clock.instant());
                return null;
            });
            access.success(by, "ca.mapping.put", stored.subjectDn(), "accounts=" + String.join(",", stored.accounts())
                    + stored.hpciId().map(h -> " hpciId=" + h).orElse("") + stored.eppn().map(e -> " eppn=" + e).orElse(""));
            return stored;
        } catch (CaException e) {
            access.failure(by, "ca.mapping.put", mapping.subjectDn(), e.getMessage());
            throw e;
        }
    }

    @Override
    public void remove(Session by, String subjectDn) {
        access.require(by, "ca.mapping.remove", subjectDn, CaAccess.CHANGE);
        try {
            String dn = slashForm(subjectDn);
            if (!database.withConnection(c -> tables.delete(c, dn))) {
                throw CaException.of("gridmap.noMapping", dn);
            }
            access.success(by, "ca.mapping.remove", dn, "");
        } catch (CaException e) {
            access.failure(by, "ca.mapping.remove", subjectDn, e.getMessage());
            throw e;
        }
    }

    @Override
    public String render() {
        return database.withConnection(c -> GridMapRenderer.render(tables.all(c).values(),
                tables.validSubjects(c, clock.instant()).keySet(), clock.instant()));
    }

    /** Compares mapping lines only: the header comment carries the generation time and always differs. */
    @Override
    public List<String> diffAgainstPublished() {
        String published;
        try {
            published = Files.readString(repositoryDirectory.resolve(GridMapRenderer.FILE_NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            published = "";
        } catch (IOException e) {
            throw new CaException("Cannot read the published grid-mapfile: " + e.getMessage(), e);
        }
        return GridMapRenderer.diff(GridMapRenderer.entryLines(published), GridMapRenderer.entryLines(render()));
    }

    @Override
    public GridMapImport importGridMapfile(Session by, String text, boolean apply) {
        String action = apply ? "ca.gridmap.import" : "ca.gridmap.check";
        access.require(by, action, "", apply ? CaAccess.CHANGE : CaAccess.READ);
        GridMapFormat.Parsed parsed = GridMapFormat.parse(text);
        GridMapImport result = database.inTransaction(c -> {
            List<GridMapFormat.Problem> problems = new ArrayList<>(parsed.errors());
            Set<String> register = tables.registeredAccounts(c);
            Map<String, Integer> firstLine = new HashMap<>();
            Set<String> twice = new HashSet<>();
            for (GridMapFormat.Entry entry : parsed.entries()) {
                Integer first = firstLine.putIfAbsent(entry.subjectDn(), entry.line());
                if (first != null) {
                    twice.add(entry.subjectDn());
                    problems.add(new GridMapFormat.Problem(entry.line(), "DN " + entry.subjectDn() + " is already mapped on line "
                            + first + "; neither line is taken"));
                }
            }
            Map<String, AccountMapping> existing = tables.all(c);
            Map<String, MappingTables.Holder> holders = tables.validSubjects(c, clock.instant());
            int added = 0;
            int changed = 0;
            int unchanged = 0;
            for (GridMapFormat.Entry entry : parsed.entries()) {
                if (twice.contains(entry.subjectDn())) {
                    continue;
                }
                List<String> unknown = entry.accounts().stream().filter(a -> !register.contains(a)).toList();
                if (!unknown.isEmpty()) {
                    unknown.forEach(a -> problems.add(new GridMapFormat.Problem(entry.line(),
                            "account " + a + " is not in the account register")));
                    continue;
                }
                AccountMapping before = existing.get(entry.subjectDn());
                if (before != null && before.accounts().equals(entry.accounts())) {
                    unchanged++;
                    continue;
                }
                if (before == null) {
                    added++;
                } else {
                    changed++;
                }
                if (apply) {
                    MappingTables.Holder holder = holders.get(entry.subjectDn());
                    tables.upsert(c, new AccountMapping(entry.subjectDn(), entry.accounts(),
                            before != null ? before.eppn() : holder == null ? Optional.empty() : holder.eppn(),
                            before != null ? before.hpciId() : holder == null ? Optional.empty() : holder.hpciId()),
                            by.username(), clock.instant());
                }
            }
            problems.sort(Comparator.comparingInt(GridMapFormat.Problem::line));
            return new GridMapImport(parsed.entries().size(), added, changed, unchanged,
                    problems.stream().map(GridMapFormat.Problem::toString).toList(), apply);
        });
        if (apply) {
            access.success(by, action, "", "entries=" + result.entries() + " added=" + result.added() + " changed="
                    + result.changed() + " unchanged=" + result.unchanged() + " conflicts=" + result.conflicts().size());
        }
        return result;
    }

    @Override
    public int importAccountRegister(Session by, String csv) {
        access.require(by, "ca.register.import", "", CaAccess.CHANGE);
        try {
            List<MappingTables.RegisteredAccount> accounts = AccountRegisterCsv.parse(csv);
            database.inTransaction(c -> {
                tables.replaceRegister(c, accounts, by.username(), clock.instant());
                return null;
            });
            access.success(by, "ca.register.import", "", "accounts=" + accounts.size());
            return accounts.size();
        } catch (CaException e) {
            access.failure(by, "ca.register.import", "", e.getMessage());
            throw e;
        }
    }

    private static CaException accountRefusal(String account, Set<String> register) {
        if (GridMapFormat.accountProblem(account) != null) {
            return CaException.of("gridmap.badAccount", account);
        }
        return register.contains(account) ? null : CaException.of("gridmap.unregistered", account);
    }

    /** Accepts the slash form, or the RFC 4514 form a certificate record shows, most significant first. */
    private static String slashForm(String subjectDn) {
        String dn = subjectDn.strip();
        if (dn.startsWith("/")) {
            return dn;
        }
        try {
            return GlobusNames.slashForm(new X500Name(BCStyle.INSTANCE, dn));
        } catch (IllegalArgumentException e) {
            throw CaException.of("gridmap.notDn", subjectDn);
        }
    }
}
