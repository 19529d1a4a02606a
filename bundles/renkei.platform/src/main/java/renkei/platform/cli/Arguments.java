// SPDX-License-Identifier: EPL-2.0
package renkei.platform.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name value} options (repeatable; the last one wins for {@link #value}) and {@code --flag}
 * options; anything unknown is a {@link UsageException}. Immutable once parsed.
 */
public final class Arguments {

    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    public Arguments(List<String> args, Set<String> valueOptions, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                options.computeIfAbsent(arg, k -> new ArrayList<>()).add(args.get(++i));
            } else if (flags.contains(arg)) {
                options.computeIfAbsent(arg, k -> new ArrayList<>()).add("true");
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
    }

    public Optional<String> value(String option) {
        List<String> values = options.get(option);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public List<String> values(String option) {
        return List.copyOf(options.getOrDefault(option, List.of()));
    }

    public String required(String option) {
        return value(option).orElseThrow(() -> new UsageException(option + " is required"));
    }

    public int intValue(String option, int defaultValue) {
        Optional<String> value = value(option);
        try {
            return value.isEmpty() ? defaultValue : Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, got '" + value.get() + "'");
        }
    }

    public boolean flag(String option) {
        return options.containsKey(option);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }
}
