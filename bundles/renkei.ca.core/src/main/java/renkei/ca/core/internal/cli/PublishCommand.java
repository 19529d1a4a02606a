// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaException;
import renkei.ca.core.CaRepositoryService;
import renkei.ca.core.PublishReport;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca publish}: writes the CA repository (CA-09). */
@Component(service = CliCommand.class)
public final class PublishCommand extends CaCliCommand {

    public PublishCommand() {
        super("ca publish", "- write the CA repository (CA-09); prints each file with size and SHA-256");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        new Arguments(args, Set.of(), Set.of());
        PublishReport report = context.service(CaRepositoryService.class).publish(context.session());
        if (!report.succeeded()) {
            throw new CaException("publish to " + report.directory() + " failed: " + report.error().orElse(""));
        }
        for (PublishReport.PublishedFile file : report.files()) {
            context.out().println(String.join("\t", file.name(), Long.toString(file.size()), file.sha256()));
        }
        return 0;
    }
}
