// SPDX-License-Identifier: EPL-2.0
package renkei.platform.cli;

/** Bad command-line usage: reported as one line with the command's usage, exit code 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
