/**
 * The wiring behind {@link com.plccoach.migrations.Migrator}: one {@link
 * com.plccoach.migrations.internal.connection.ConnectionFactory} per facade (the password chain runs
 * once), the graph, the state store, and the one path of a run: prepare, back up, run guarded,
 * record. Nothing here imports the facade.
 */
package com.plccoach.migrations.internal.engine;
