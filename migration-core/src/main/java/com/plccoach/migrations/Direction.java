package com.plccoach.migrations;

/** Which way a plan goes through the graph. */
public enum Direction {
    UPGRADE,
    DOWNGRADE
}
