package dev.jnn.io;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of the package (thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
