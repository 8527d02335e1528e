package com.plccoach.sample;

import jakarta.annotation.PostConstruct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads `messages` while the context starts, as a cache warm-up would: it needs the schema first. */
@Component
public class MessageCache {

    private final JdbcTemplate jdbc;
    private long messagesAtStart = -1;

    public MessageCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostConstruct
    void warmUp() {
        messagesAtStart = jdbc.queryForObject("select count(*) from messages", Long.class);
    }

    public long messagesAtStart() {
        return messagesAtStart;
    }
}
