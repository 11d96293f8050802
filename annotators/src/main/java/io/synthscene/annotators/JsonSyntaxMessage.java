package io.synthscene.annotators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's parse errors in words for the person whose file it is: the first line of Jackson's
 * message, without the names of its own classes and settings. Jackson names its input source
 * ({@code [Source: (sun.nio.ch.ChannelInputStream); line: 1, column: 11240]}), suggests enabling
 * its features ({@code enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow}) and names its
 * limits by their Java getters ({@code StreamReadConstraints.getMaxNestingDepth()}); none of it
 * helps someone fix a JSON file. Stateless; used by the readers of files that users give.
 */
public final class JsonSyntaxMessage {
    private JsonSyntaxMessage() {
    }

    /** E.g. {@code Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 11240)}. */
    public static String of(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            if (message.contains("nesting depth")) {
                return "arrays and objects are nested deeper than " + number(message, "maximum allowed \\((\\d+)")
                        + " levels";
            }
            if (message.contains("Number value length") || message.contains("Number length")) {
                return "a number is longer than " + number(message, "maximum allowed \\((\\d+)") + " characters";
            }
            if (message.contains("String value length") || message.contains("String length")) {
                return "a string is longer than " + number(message, "maximum allowed \\((\\d+)") + " characters";
            }
        }
        String first = message.lines().findFirst().orElse("").trim();
        first = first.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
        first = first.replaceAll(":? ?enable `[^`]*` to allow", "");
        first = first.replaceAll("\\(?`?[A-Za-z]+\\.(get|is)[A-Za-z]+\\(\\)`?\\)?", "").trim();
        if (first.startsWith("Non-standard token")) {
            first += " (NaN and Infinity are not JSON numbers)";
        }
        return first.isEmpty() ? "not valid JSON" : first;
    }

    private static String number(String message, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(message);
        return m.find() ? m.group(1) : "the allowed number of";
    }
}
