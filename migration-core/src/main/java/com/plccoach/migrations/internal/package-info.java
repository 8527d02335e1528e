/**
 * The engine behind {@link com.plccoach.migrations.Migrator}: private to this library. Nothing here
 * is an API: classes, methods and packages under {@code internal} change or disappear in any release,
 * with no compatibility promise and no deprecation. Embed the tool through {@code Migrator} and the
 * public values beside it; the Maven plugin and the Spring Boot starter do, and a test keeps them to it.
 */
package com.plccoach.migrations.internal;
