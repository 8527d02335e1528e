package com.plccoach.migrations;

/**
 * What {@link Migrator#check(CheckOptions)} holds against the project besides graph errors, missing
 * files and checksum drift, which always fail it.
 *
 * @param multipleHeads accept several heads (teams that keep labelled branches apart)
 * @param failOnPending fail when revisions are not applied yet (a deployment gate)
 * @param drift         compare the live schema with the one its applied revisions give, on a scratch database
 */
public record CheckOptions(boolean multipleHeads, boolean failOnPending, boolean drift) {

    /** The defaults: one head, pending revisions reported, drift compared. */
    public static CheckOptions defaults() {
        return new CheckOptions(false, false, true);
    }

    @Override
    public String toString() {
        return "CheckOptions[multipleHeads=" + multipleHeads + ", failOnPending=" + failOnPending + ", drift=" + drift + "]";
    }
}
