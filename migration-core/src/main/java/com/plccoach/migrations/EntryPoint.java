package com.plccoach.migrations;

/** Who drives the {@link Migrator}, so that a message says what to type in that place ({@link Advice}). */
public enum EntryPoint {
    /** A service or a test calling the Java API: builder methods and facade calls. */
    EMBEDDED,
    /** The Maven plugin: {@code mvn plccoach:goal -Dplccoach.setting=value}. */
    MAVEN,
    /** The Spring Boot starter: {@code plccoach.*} properties in {@code application.properties}. */
    SPRING_BOOT
}
