// SPDX-License-Identifier: EPL-2.0
package renkei.server.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import renkei.platform.AtomicFiles;
import renkei.platform.AuditLog;
import renkei.platform.AuditQuery;
import renkei.platform.AuditRecord;
import renkei.platform.AuditVerification;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliContext;

/** {@code renkei audit …}: verify the hash chains, list and export records. */
final class AuditCommands {

    private AuditCommands() {
    }

    static final class Verify extends Command {

        Verify() {
            super("audit verify",
                    "[--category C] - check the audit hash chains; exit 1 and name the first broken record if tampered");
        }

        @Override
        public int run(CliContext context, java.util.List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--category"), Set.of());
            AuditLog audit = context.service(AuditLog.class);
            java.util.List<AuditVerification> results = options.value("--category").map(c -> java.util.List.of(audit.verify(c)))
                    .orElseGet(audit::verifyAll);
            boolean intact = true;
            for (AuditVerification result : results) {
                out.println(result);
                intact &= result.intact();
            }
            return intact ? 0 : 1;
        }
    }

    static final class List extends Command {

        List() {
            super("audit list",
                    "[--category C] [--actor U] [--action PREFIX] [--limit N] - newest audit records, tab-separated");
        }

        @Override
        public int run(CliContext context, java.util.List<String> args) {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--category", "--actor", "--action", "--limit"), Set.of());
            AuditQuery query = query(options, options.intValue("--limit", 50));
            for (AuditRecord record : context.service(AuditLog.class).query(query)) {
                out.println(String.join("\t", record.occurredAt().toString(), record.category(), Long.toString(record.seq()),
                        record.actor(), record.actorRole(), record.action(), record.target(), record.result().name(),
                        record.detail().replace('\t', ' ').replace('\n', ' ')));
            }
            return 0;
        }
    }

    static final class Export extends Command {

        Export() {
            super("audit export",
                    "[--category C] [--from ISO-INSTANT] [--to ISO-INSTANT] [--out FILE] - all matching records as CSV (UTF-8, RFC 4180) with hashes");
        }

        @Override
        public int run(CliContext context, java.util.List<String> args) throws Exception {
        PrintStream out = context.out();
            Arguments options = new Arguments(args, Set.of("--category", "--actor", "--action", "--from", "--to", "--out"), Set.of());
            AuditQuery query = query(options, Integer.MAX_VALUE);
            java.util.List<AuditRecord> records = context.service(AuditLog.class).query(query);
            Optional<String> file = options.value("--out");
            if (file.isPresent()) {
                AtomicFiles.write(Path.of(file.get()), stream -> {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                    writeCsv(records, writer);
                    writer.flush();
                });
                out.println(records.size() + " records written to " + file.get());
            } else {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writeCsv(records, writer);
                writer.flush();
            }
            return 0;
        }

        private static void writeCsv(java.util.List<AuditRecord> records, Writer writer) throws java.io.IOException {
            writer.write("occurred_at,category,seq,actor,actor_role,action,target,result,detail,prev_hash,hash\r\n");
            for (int i = records.size() - 1; i >= 0; i--) {
                AuditRecord r = records.get(i);
                String[] fields = { r.occurredAt().toString(), r.category(), Long.toString(r.seq()), r.actor(), r.actorRole(),
                        r.action(), r.target(), r.result().name(), r.detail(), r.prevHash(), r.hash() };
                for (int f = 0; f < fields.length; f++) {
                    if (f > 0) {
                        writer.write(',');
                    }
                    writer.write('"' + fields[f].replace("\"", "\"\"") + '"');
                }
                writer.write("\r\n");
            }
        }
    }

    private static AuditQuery query(Arguments options, int limit) {
        return new AuditQuery(options.value("--category"), options.value("--actor"), options.value("--action"),
                options.value("--from").map(Instant::parse), options.value("--to").map(Instant::parse), limit);
    }

}
