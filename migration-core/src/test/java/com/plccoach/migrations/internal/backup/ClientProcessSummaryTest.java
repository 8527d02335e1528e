package com.plccoach.migrations.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "Running pg_dump ..." line stays short however many tables an affected backup dumps. */
class ClientProcessSummaryTest {

    @Test
    void the_tables_of_a_dump_are_counted_and_paths_shortened_to_file_names() {
        List<String> command = new ArrayList<>(List.of("/usr/lib/postgresql/15/bin/pg_dump", "--snapshot=00000007-00004418-1",
                "--format=custom", "--strict-names", "--lock-wait-timeout=10000", "--no-password",
                "--file=/home/ci/.plccoach/backups/shop/20261201T005856Z_shop_downgrade_to_base.dump.partial"));
        for (int i = 1; i <= 500; i++) {
            command.add("--table=\"public\".\"t" + i + "\"");
        }

        assertThat(ClientProcess.summary(command)).isEqualTo("pg_dump --format=custom --file=20261201T005856Z_shop_downgrade_to_base"
                + ".dump.partial with --table for 500 tables: \"public\".\"t1\", \"public\".\"t2\" and 498 more");
    }
}
