// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.GridMapImport;
import renkei.ca.core.GridMapService;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca gridmap import}: reads an existing grid-mapfile, reports conflicts, stores with {@code --apply}. */
@Component(service = CliCommand.class)
public final class GridMapImportCommand extends CaCliCommand {

    public GridMapImportCommand() {
        super("ca gridmap import", "--in FILE [--apply] - read an existing grid-mapfile; prints counts and conflicts "
                + "(exit 1 when there are conflicts); stores the conflict-free entries with --apply");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--in"), Set.of("--apply"));
        GridMapImport result = context.service(GridMapService.class).importGridMapfile(context.session(),
                Files.readString(Path.of(options.required("--in")), StandardCharsets.UTF_8), options.flag("--apply"));
        context.out().println("entries=" + result.entries());
        context.out().println("added=" + result.added());
        context.out().println("changed=" + result.changed());
        context.out().println("unchanged=" + result.unchanged());
        context.out().println("applied=" + result.applied());
        result.conflicts().forEach(conflict -> context.out().println("conflict: " + conflict));
        return result.conflicts().isEmpty() ? 0 : 1;
    }
}
