// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import renkei.platform.DatabaseException;
import renkei.platform.SchemaMigrations;
import renkei.platform.SchemaMigrations.Migration;
import renkei.platform.testsupport.TestDatabases;

class MigrationRunnerTest {

    private static final Migration CREATE = new Migration(1, "create", "CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(50));\n"
            + "INSERT INTO item VALUES (1, 'first');");
    private static final Migration ADD_COLUMN = new Migration(2, "add column", "ALTER TABLE item ADD COLUMN note VARCHAR(50);");
    private static final Migration BROKEN = new Migration(3, "broken",
            "CREATE TABLE half_done (id INT);\nINSERT INTO item VALUES (2, 'second');\nTHIS IS NOT SQL;");

    @Test
    void appliesInOrderAndRecordsHistory() {
        try (JdbcDatabase db = TestDatabases.h2()) {
            db.migrate(new SchemaMigrations("test", List.of(CREATE, ADD_COLUMN)));
            assertEquals(List.of(1, 2), versions(db, "test"));
            assertTrue(tableExists(db, "ITEM"));
            // A second run with nothing pending changes nothing.
            db.migrate(new SchemaMigrations("test", List.of(CREATE, ADD_COLUMN)));
            assertEquals(List.of(1, 2), versions(db, "test"));
        }
    }

    @Test
    void modulesKeepSeparateHistories() {
        try (JdbcDatabase db = TestDatabases.h2()) {
            db.migrate(new SchemaMigrations("a", List.of(CREATE)));
            db.migrate(new SchemaMigrations("b", List.of(new Migration(1, "other", "CREATE TABLE other (id INT);"))));
            assertEquals(List.of(1), versions(db, "a"));
            assertEquals(List.of(1), versions(db, "b"));
        }
    }

    @Test
    void refusesEditedMigration() {
        try (JdbcDatabase db = TestDatabases.h2()) {
            db.migrate(new SchemaMigrations("test", List.of(CREATE)));
            Migration edited = new Migration(1, "create", CREATE.sql() + "\n-- edited");
            DatabaseException e = assertThrows(DatabaseException.class,
                    () -> db.migrate(new SchemaMigrations("test", List.of(edited, ADD_COLUMN))));
            assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
            assertEquals(List.of(1), versions(db, "test"), "nothing after the mismatch may run");
        }
    }

    @Test
    void refusesUnknownNewerSchema() {
        try (JdbcDatabase db = TestDatabases.h2()) {
            db.migrate(new SchemaMigrations("test", List.of(CREATE, ADD_COLUMN)));
            DatabaseException e = assertThrows(DatabaseException.class,
                    () -> db.migrate(new SchemaMigrations("test", List.of(CREATE))));
            assertTrue(e.getMessage().contains("V2"), e.getMessage());
        }
    }

    @Test
    void rejectsVersionsOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new SchemaMigrations("test", List.of(ADD_COLUMN, CREATE)));
    }

    @Test
    void failureRollsBackOnH2() {
        failureRollsBack(TestDatabases::h2);
    }

    @Test
    void failureRollsBackOnPostgres() {
        failureRollsBack(TestDatabases::postgres);
    }

    private static void failureRollsBack(Supplier<JdbcDatabase> factory) {
        try (JdbcDatabase db = factory.get()) {
            db.migrate(new SchemaMigrations("test", List.of(CREATE)));
            DatabaseException e = assertThrows(DatabaseException.class,
                    () -> db.migrate(new SchemaMigrations("test", List.of(CREATE, ADD_COLUMN, BROKEN))));
            assertTrue(e.getMessage().contains("V3"), e.getMessage());
            assertEquals(List.of(1), versions(db, "test"), "V2 and V3 must both be rolled back");
            assertFalse(tableExists(db, "HALF_DONE"), "DDL of the failed run must be undone");
            assertFalse(columnExists(db, "ITEM", "NOTE"), "V2's column must be undone");
            assertEquals(1, db.withConnection(c -> {
                try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM item")) {
                    rows.next();
                    return rows.getInt(1);
                }
            }), "data written by the failed run must be undone, data before it kept");
        }
    }

    @Test
    void platformSchemaApplies() {
        try (JdbcDatabase db = TestDatabases.h2Migrated()) {
            assertEquals(PlatformSchema.migrations().migrations().size(), versions(db, "platform").size());
            assertTrue(tableExists(db, "RENKEI_AUDIT"));
        }
    }

    static List<Integer> versions(JdbcDatabase db, String module) {
        return db.withConnection(c -> {
            List<Integer> list = new ArrayList<>();
            try (var statement = c.prepareStatement("SELECT version FROM renkei_schema_history WHERE module = ? ORDER BY version")) {
                statement.setString(1, module);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        list.add(rows.getInt(1));
                    }
                }
            }
            return list;
        });
    }

    static boolean tableExists(JdbcDatabase db, String table) {
        return db.withConnection(c -> {
            try (ResultSet rows = c.getMetaData().getTables(null, null, null, null)) {
                while (rows.next()) {
                    if (rows.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        String schema = rows.getString("TABLE_SCHEM");
                        if (schema == null || schema.equalsIgnoreCase(c.getSchema())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }

    static boolean columnExists(JdbcDatabase db, String table, String column) {
        return db.withConnection(c -> {
            try (ResultSet rows = c.getMetaData().getColumns(null, c.getSchema(), null, null)) {
                while (rows.next()) {
                    if (rows.getString("TABLE_NAME").equalsIgnoreCase(table)
                            && rows.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
            return false;
        });
    }
}
