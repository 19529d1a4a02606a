// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core;

import java.util.List;

/**
 * Result of reading a grid-mapfile.
 *
 * @param conflicts one line each, naming the file's line number and the problem
 */
public record GridMapImport(int entries, int added, int changed, int unchanged, List<String> conflicts, boolean applied) {
}
