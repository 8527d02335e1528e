package com.plccoach.migrations.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/**
 * A thin layer over Jackson's streaming generator: field names are written by hand (they are the
 * documented format, not whatever a record component is called today), escaping is Jackson's.
 */
final class JsonOut {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final StringWriter text = new StringWriter();
    private final JsonGenerator out;

    JsonOut() {
        try {
            out = FACTORY.createGenerator(text).useDefaultPrettyPrinter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonOut start() {
        return io(out::writeStartObject);
    }

    JsonOut end() {
        return io(out::writeEndObject);
    }

    JsonOut object(String name) {
        return io(() -> out.writeObjectFieldStart(name));
    }

    JsonOut array(String name) {
        return io(() -> out.writeArrayFieldStart(name));
    }

    JsonOut startItem() {
        return io(out::writeStartObject);
    }

    JsonOut endArray() {
        return io(out::writeEndArray);
    }

    JsonOut field(String name, String value) {
        return io(() -> {
            if (value == null) {
                out.writeNullField(name);
            } else {
                out.writeStringField(name, value);
            }
        });
    }

    JsonOut field(String name, Object value) {
        return field(name, value == null ? null : value.toString());
    }

    JsonOut field(String name, long value) {
        return io(() -> out.writeNumberField(name, value));
    }

    JsonOut field(String name, boolean value) {
        return io(() -> out.writeBooleanField(name, value));
    }

    /** Durations are whole milliseconds, under a name ending in {@code Ms}. */
    JsonOut millis(String name, Duration value) {
        return value == null ? io(() -> out.writeNullField(name)) : field(name, value.toMillis());
    }

    JsonOut strings(String name, Collection<?> values) {
        return io(() -> {
            out.writeArrayFieldStart(name);
            for (Object value : values) {
                out.writeString(String.valueOf(value));
            }
            out.writeEndArray();
        });
    }

    /** A file with its size, or null when there is none. */
    JsonOut file(String name, Path path) {
        if (path == null) {
            return io(() -> out.writeNullField(name));
        }
        object(name).field("path", path.toAbsolutePath().toString());
        try {
            field("bytes", Files.isRegularFile(path) ? Files.size(path) : -1);
        } catch (IOException e) {
            field("bytes", -1);
        }
        return end();
    }

    String text() {
        io(out::flush);
        return text.toString() + "\n";
    }

    private JsonOut io(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private interface Write {
        void run() throws IOException;
    }
}
