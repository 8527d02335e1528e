package com.plccoach.migrations.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.plccoach.migrations.ShortList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShortListTest {

    @Test
    void aLongListShowsItsSizeAndTheFirstThreeNames() {
        List<String> tables = IntStream.rangeClosed(1, 37).mapToObj(i -> "public.t" + i).toList();

        assertThat(ShortList.of(tables, "table", "tables")).isEqualTo("37 tables: public.t1, public.t2, public.t3 and 34 more");
    }

    @Test
    void aListOfFourIsShownWholeRatherThanAsThreeAndOneMore() {
        assertThat(ShortList.names(List.of("a", "b", "c", "d"))).isEqualTo("a, b, c, d");
    }

    @Test
    void oneItemTakesTheSingular() {
        assertThat(ShortList.of(List.of("public.users"), "table", "tables")).isEqualTo("1 table: public.users");
    }

    @Test
    void anEmptyListSaysNone() {
        assertThat(ShortList.of(List.of(), "table", "tables")).isEqualTo("no tables");
    }

    @Test
    void aLongItemIsCutToOneShortLine() {
        String query = "UPDATE t\n   SET x = 1\n WHERE " + "y = 2 AND ".repeat(20) + "true";

        assertThat(ShortList.clip(query)).hasSize(80).startsWith("UPDATE t SET x = 1 WHERE y = 2 AND").endsWith("...");
    }
}
