package io.synthscene.cli;

/**
 * A problem with what the user gave us (a scene file, an output folder, an option value). Reported
 * as one clear message without a stack trace, with exit code 2.
 */
public final class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }
}
