// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.GridMapService;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;

/** {@code renkei ca gridmap}: the grid-mapfile from the mapping store. */
@Component(service = CliCommand.class)
public final class GridMapCommand extends CaCliCommand {

    public GridMapCommand() {
        super("ca gridmap", "--out FILE - the grid-mapfile from the mapping store (Globus format)");
    }

    @Override
    public int run(CliContext context, List<String> args) throws Exception {
        Arguments options = new Arguments(args, Set.of("--out"), Set.of());
        write(Path.of(options.required("--out")), context.service(GridMapService.class).render().getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}
