// SPDX-License-Identifier: EPL-2.0
package renkei.platform.internal;

import java.sql.SQLException;

/** SQLSTATE classes both H2 and PostgreSQL report the same way. */
final class SqlStates {

    private SqlStates() {
    }

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
