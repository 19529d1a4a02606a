// SPDX-License-Identifier: EPL-2.0
/**
 * The {@code renkei …} command line as a service API: each bundle publishes its subcommands as
 * {@link renkei.platform.cli.CliCommand} services and the CLI application collects them, so the
 * platform's command line knows no domain.
 */
package renkei.platform.cli;
