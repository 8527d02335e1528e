package com.plccoach.migrations;

/**
 * Autogenerate produced a revision that does not take the revisions' schema exactly to the desired
 * one and back (or could not run at all); nothing was written. The message names each difference
 * and carries the generated SQL, to finish by hand.
 */
public class AutogenerateException extends MigrationException {

    public AutogenerateException(String message) {
        super(message);
    }

    public AutogenerateException(String message, Throwable cause) {
        super(message, cause);
    }
}
