// SPDX-License-Identifier: EPL-2.0
package renkei.ca.core.internal.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import renkei.ca.core.CaService;
import renkei.platform.cli.Arguments;
import renkei.platform.cli.CliCommand;
import renkei.platform.cli.CliContext;
import renkei.platform.cli.UsageException;

/** {@code renkei ca license issue}: a license ID for the user portal (CA-05/06); prints the ID alone. */
@Component(service = CliCommand.class)
public final class LicenseIssueCommand extends CaCliCommand {

    public LicenseIssueCommand() {
        super("ca license issue", "--hpci-id ID --eppn EPPN [--attr name=value]... - a license ID for a user (CA-05/06); "
                + "prints the license ID alone");
    }

    @Override
    public int run(CliContext context, List<String> args) {
        Arguments options = new Arguments(args, Set.of("--hpci-id", "--eppn", "--attr"), Set.of());
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attr : options.values("--attr")) {
            int equals = attr.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--attr needs name=value, got '" + attr + "'");
            }
            // A repeated attribute is multi-valued, the way IdP attributes such as eduPersonEntitlement are.
            attributes.merge(attr.substring(0, equals), attr.substring(equals + 1), (a, b) -> a + ";" + b);
        }
        attributes.put("hpciId", options.required("--hpci-id"));
        attributes.put("eduPersonPrincipalName", options.required("--eppn"));
        context.out().println(context.service(CaService.class).issueLicense(context.session(), attributes));
        return 0;
    }
}
