package com.plccoach.migrations.internal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShortListTest {

    @Test
    void a_long_list_is_its_size_the_first_three_items_and_how_many_more() {
        List<String> tables = IntStream.rangeClosed(1, 37).mapToObj(i -> "public.t" + i).toList();

        assertThat(ShortList.of("tables", tables)).isEqualTo("37 tables: public.t1, public.t2, public.t3 and 34 more");
    }

    @Test
    void a_short_list_is_named_in_full() {
        assertThat(ShortList.of("tables", List.of("public.a", "public.b"))).isEqualTo("2 tables: public.a, public.b");
    }

    @Test
    void an_empty_list_reads_no_items() {
        assertThat(ShortList.of("tables", List.of())).isEqualTo("no tables");
    }

    @Test
    void a_long_item_is_cut_to_one_short_line() {
        String query = "UPDATE t\n   SET x = 1\n WHERE " + "y = 2 AND ".repeat(20) + "true";

        assertThat(ShortList.clip(query)).hasSize(80).startsWith("UPDATE t SET x = 1 WHERE y = 2 AND").endsWith("...");
    }
}
