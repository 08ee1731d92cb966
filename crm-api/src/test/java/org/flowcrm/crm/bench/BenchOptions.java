package org.flowcrm.crm.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} options of the {@code ./bench} commands, with the defaults the issue's
 * volume asks for. Unknown options are refused so that a typo does not silently run the default.
 */
final class BenchOptions {

  private final Map<String, String> values = new HashMap<>();

  private BenchOptions() {}

  static BenchOptions parse(String[] args, String... known) {
    BenchOptions options = new BenchOptions();
    java.util.Set<String> allowed = java.util.Set.of(known);
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
        throw new IllegalArgumentException(
            "Unknown option " + name + "; known: --" + String.join(", --", known));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + name + " needs a value");
      }
      options.values.put(name.substring(2), args[++i]);
    }
    return options;
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (parsed < 0) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number of zero or more (was " + value + ")");
    }
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  Path path(String name, String fallback) {
    return Path.of(text(name, fallback));
  }
}
