package org.madoguchi.bpr.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a task keeps a counter's staff member (or the resident) busy: a distribution of minutes, written as
 * {@code fixed(5m)}, {@code exponential(mean=8m)}, {@code lognormal(mean=8m, sd=3m)} or
 * {@code uniform(min=2m, max=6m)}. Samples use {@link StrictMath} so that a seed gives the same minutes on every
 * platform.
 */
public sealed interface ServiceTime {

  /** The task extension property (and scenario entry) that gives a task's service time. */
  String PROPERTY = "madoguchi.serviceTime";

  /** The service time of a counter task when neither its model nor the scenario gives one. */
  ServiceTime DEFAULT = new Exponential(5);

  /** One service time, in minutes. */
  double sample(RandomGenerator random);

  /** The mean, in minutes. */
  double mean();

  /** The distribution as {@link #parse} reads it. */
  String text();

  /**
   * Reads {@code fixed(5m)}, {@code exponential(mean=8m)}, {@code lognormal(mean=8m, sd=3m)} or
   * {@code uniform(min=2m, max=6m)}.
   */
  static ServiceTime parse(String text) {
    Matcher call = Pattern.compile("\\s*(\\w+)\\s*\\((.*)\\)\\s*").matcher(text == null ? "" : text);
    if (!call.matches()) {
      throw invalid(text, "");
    }
    Map<String, Double> arguments = new LinkedHashMap<>();
    for (String argument : call.group(2).split(",")) {
      int equals = argument.indexOf('=');
      String key = equals < 0 ? "" : argument.substring(0, equals).strip();
      try {
        arguments.put(key, Minutes.parse(argument.substring(equals + 1)));
      } catch (IllegalArgumentException e) {
        throw invalid(text, ": " + e.getMessage());
      }
    }
    try {
      return switch (call.group(1)) {
        case "fixed" -> new Fixed(only(arguments, Set.of("", "value")));
        case "exponential" -> new Exponential(only(arguments, Set.of("", "mean")));
        case "lognormal" -> new LogNormal(named(arguments, "mean"), named(arguments, "sd"));
        case "uniform" -> new Uniform(named(arguments, "min"), named(arguments, "max"));
        default -> throw new IllegalArgumentException("unknown distribution '" + call.group(1) + "'");
      };
    } catch (IllegalArgumentException e) {
      throw invalid(text, ": " + e.getMessage());
    }
  }

  private static double only(Map<String, Double> arguments, Set<String> keys) {
    if (arguments.size() != 1 || !keys.contains(arguments.keySet().iterator().next())) {
      throw new IllegalArgumentException("expected one duration");
    }
    return arguments.values().iterator().next();
  }

  private static double named(Map<String, Double> arguments, String key) {
    Double value = arguments.get(key);
    if (value == null || arguments.size() != 2) {
      throw new IllegalArgumentException("expected " + key + "= and one more named duration");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("not a service time: '" + text + "'" + why + " (write fixed(5m), "
        + "exponential(mean=8m), lognormal(mean=8m, sd=3m) or uniform(min=2m, max=6m))");
  }

  /** Always the same minutes. */
  record Fixed(double minutes) implements ServiceTime {

    public Fixed {
      if (!(minutes >= 0)) {
        throw new IllegalArgumentException("a fixed time cannot be negative");
      }
    }

    @Override
    public double sample(RandomGenerator random) {
      return minutes;
    }

    @Override
    public double mean() {
      return minutes;
    }

    @Override
    public String text() {
      return "fixed(" + Minutes.format(minutes) + ")";
    }
  }

  /** Memoryless: the service time of queueing theory's M/M/c model. */
  record Exponential(double mean) implements ServiceTime {

    public Exponential {
      if (!(mean > 0)) {
        throw new IllegalArgumentException("the mean must be positive");
      }
    }

    @Override
    public double sample(RandomGenerator random) {
      return -mean * StrictMath.log(1 - random.nextDouble());
    }

    @Override
    public String text() {
      return "exponential(mean=" + Minutes.format(mean) + ")";
    }
  }

  /** Skewed to the right, as counter service times are: most cases short, a few long ones. */
  record LogNormal(double mean, double sd) implements ServiceTime {

    public LogNormal {
      if (!(mean > 0) || !(sd > 0)) {
        throw new IllegalArgumentException("mean and sd must be positive");
      }
    }

    @Override
    public double sample(RandomGenerator random) {
      double variance = StrictMath.log1p((sd * sd) / (mean * mean));
      double mu = StrictMath.log(mean) - variance / 2;
      // Box-Muller, written out so that the samples do not depend on the JDK's Gaussian algorithm.
      double normal = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()))
          * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
      return StrictMath.exp(mu + StrictMath.sqrt(variance) * normal);
    }

    @Override
    public String text() {
      return "lognormal(mean=" + Minutes.format(mean) + ", sd=" + Minutes.format(sd) + ")";
    }
  }

  /** Any time between min and max, equally likely. */
  record Uniform(double min, double max) implements ServiceTime {

    public Uniform {
      if (!(min >= 0) || !(max >= min)) {
        throw new IllegalArgumentException("need 0 <= min <= max");
      }
    }

    @Override
    public double sample(RandomGenerator random) {
      return min + (max - min) * random.nextDouble();
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }

    @Override
    public String text() {
      return "uniform(min=" + Minutes.format(min) + ", max=" + Minutes.format(max) + ")";
    }
  }
}
