package com.plccoach.schema.fleet;

import com.plccoach.migrations.FleetConfig;
import java.util.Arrays;
import java.util.List;

/** The fleet upgrade that {@link FleetKillTest} runs in a child JVM and kills: {@code FleetChild <parallelism> <url>...}. */
public final class FleetChild {

    private FleetChild() {
    }

    public static void main(String[] args) {
        List<String> urls = Arrays.asList(args).subList(1, args.length);
        FleetServers.template().fleet(FleetConfig.databases(urls).withParallelism(Integer.parseInt(args[0]))).upgrade("head");
    }
}
