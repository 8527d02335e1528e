/** The plccoach goals: thin Mojos that build a Migrator from their parameters and call one method. */
package com.plccoach.migrations.maven;
