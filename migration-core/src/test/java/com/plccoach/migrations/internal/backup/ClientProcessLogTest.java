package com.plccoach.migrations.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientProcessLogTest {

    @Test
    void fiveHundredTableArgumentsMakeAShortLogLine() {
        List<String> command = new ArrayList<>(List.of("pg_dump", "--snapshot=00000003-1", "--format=custom", "--file=/b/x.dump"));
        for (int i = 1; i <= 500; i++) {
            command.add("--table=\"public\".\"table_with_a_long_name_" + i + "\"");
        }

        String line = ClientProcess.forLog(command);

        assertThat(line).hasSizeLessThan(300).isEqualTo("pg_dump --snapshot=00000003-1 --format=custom --file=/b/x.dump --table=... "
                + "(500 tables: \"public\".\"table_with_a_long_name_1\", \"public\".\"table_with_a_long_name_2\", "
                + "\"public\".\"table_with_a_long_name_3\" and 497 more)");
    }

    @Test
    void aFewTableArgumentsAreLoggedAsTheyRun() {
        List<String> command = List.of("pg_dump", "--table=\"public\".\"a\"", "--table=\"public\".\"b\"");

        assertThat(ClientProcess.forLog(command)).isEqualTo("pg_dump --table=\"public\".\"a\" --table=\"public\".\"b\"");
    }
}
