package io.synthscene.scenes.parse;

import io.synthscene.scenes.sampling.Interval;
import io.synthscene.scenes.sampling.Numbers;
import java.math.BigInteger;

/**
 * Typed reads of single YAML values. Each returns null after reporting a problem at the value, so
 * that reading goes on and every problem of the file is found in one pass.
 */
public final class Values {
    private final Problems problems;

    public Values(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    public YamlMap map(YamlNode node, String path) {
        if (node instanceof YamlMap map) {
            return map;
        }
        problems.add(node, path, "expected a map, got " + node.describe());
        return null;
    }

    public YamlList list(YamlNode node, String path) {
        if (node instanceof YamlList list) {
            return list;
        }
        problems.add(node, path, "expected a list, got " + node.describe());
        return null;
    }

    /** A finite number (integer or decimal). */
    public Double number(YamlNode node, String path) {
        if (node instanceof YamlScalar scalar && scalar.isNumber()) {
            double value = scalar.number().doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
            problems.add(node, path, YamlScalar.shown(scalar.text()) + " is not a finite number");
            return null;
        }
        problems.add(node, path, "expected a number, got " + node.describe());
        return null;
    }

    /** A finite number inside {@code allowed}. */
    public Double number(YamlNode node, String path, Interval allowed) {
        Double value = number(node, path);
        if (value != null && !allowed.contains(value)) {
            problems.add(node, path, outside(value, allowed));
            return null;
        }
        return value;
    }

    /** A whole number written without a decimal point, inside {@code allowed}. */
    public Long integer(YamlNode node, String path, Interval allowed) {
        if (!(node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.INTEGER)) {
            String got = node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.FLOAT
                    ? YamlScalar.shown(s.text()) + ", which is not a whole number" : node.describe();
            problems.add(node, path, "expected a whole number, got " + got);
            return null;
        }
        BigInteger value = (BigInteger) scalar.number();
        if (value.bitLength() > 63) {
            problems.add(node, path, YamlScalar.shown(scalar.text()) + " does not fit in 64 bits");
            return null;
        }
        if (!allowed.contains(value.longValue())) {
            problems.add(node, path, outside(value.longValue(), allowed));
            return null;
        }
        return value.longValue();
    }

    /** A whole number in [min, 2^31 - 1] (a Java int). */
    public Integer intAtLeast(YamlNode node, String path, int min) {
        Long value = integer(node, path, Interval.atLeast(min));
        if (value != null && value > Integer.MAX_VALUE) {
            problems.add(node, path, value + " is larger than " + Integer.MAX_VALUE);
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** A non-empty string; numbers and booleans must be quoted to count as text. */
    public String text(YamlNode node, String path) {
        if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.STRING) {
            if (scalar.text().isBlank()) {
                problems.add(node, path, "must not be empty");
                return null;
            }
            return scalar.text();
        }
        problems.add(node, path, "expected a string, got " + node.describe()
                + (node instanceof YamlScalar s && s.kind() != YamlScalar.Kind.NULL ? " (quote it to make it text)" : ""));
        return null;
    }

    /** {@code true} or {@code false}. */
    public Boolean bool(YamlNode node, String path) {
        if (node instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.BOOLEAN) {
            // The YAML reader resolved the scalar to a boolean; its text may be true/True/TRUE or a YAML 1.1 form.
            String text = scalar.text().trim().toLowerCase(java.util.Locale.ROOT);
            return Boolean.valueOf(text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y"));
        }
        problems.add(node, path, "expected true or false, got " + node.describe());
        return null;
    }

    /** {@code 0 must be >= 1}, {@code 190 is outside (0, 180)}. */
    public static String outside(double value, Interval allowed) {
        String v = Numbers.format(value);
        if (allowed.hasFiniteMin() && !allowed.hasFiniteMax()) {
            return v + " must be " + (allowed.minOpen() ? "> " : ">= ") + Numbers.format(allowed.min());
        }
        if (!allowed.hasFiniteMin() && allowed.hasFiniteMax()) {
            return v + " must be " + (allowed.maxOpen() ? "< " : "<= ") + Numbers.format(allowed.max());
        }
        return v + " is outside " + allowed;
    }
}
