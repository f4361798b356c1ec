package org.targetedmoney.bridge.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;

/**
 * JSON values for the store, so that records of other packages are stored readably (Jackson; records, enums,
 * {@code byte[]} as base64). Dates are ISO-8601 strings: {@link Instant} "2026-03-01T10:15:30Z",
 * {@link LocalDate} "2026-03-01", {@link YearMonth} "2026-03" - by Jackson's JavaTimeModule when it is on the
 * classpath, else by the small module below, which writes the same text, so either reads the other's values.
 * Other java.time types need the JavaTimeModule or a string field.
 *
 * <p>Unknown properties are ignored on reading, so a record that gained a field can still be read by the
 * previous binary; map entries are written in key order, so equal values give equal bytes.
 */
public final class Json {
    private static final String JAVA_TIME_MODULE = "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule";
    /** Base64 of a value up to the store's limit is a long string: Jackson's default cap is 20 M characters. */
    private static final int MAX_STRING_CHARS = Math.toIntExact(BridgeStore.MAX_VALUE_BYTES / 3 * 4 + 16);
    private static final ObjectMapper MAPPER = newMapper();

    private Json() {
    }

    /** The shared mapper (thread-safe); do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The JSON bytes of {@code value}; a value Jackson cannot write is a bug. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Reads a stored JSON value; bytes that are not a {@code type} mean a corrupted or incompatible store. */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #read(byte[], Class)}, for generic types (lists, maps). */
    public static <T> T read(byte[] json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getType() + ": " + e.getMessage(), e);
        }
    }

    /** Whether Jackson's JavaTimeModule was found (then every java.time type is supported). */
    public static boolean hasJavaTimeModule() {
        return MAPPER.getRegisteredModuleIds().stream().anyMatch(id -> String.valueOf(id).contains("jsr310"));
    }

    private static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(timeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private static Module timeModule() {
        try {
            return (Module) Class.forName(JAVA_TIME_MODULE).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError absent) {
            SimpleModule module = new SimpleModule("bridge-iso-dates");
            addIso(module, Instant.class, Instant::parse);
            addIso(module, LocalDate.class, LocalDate::parse);
            addIso(module, YearMonth.class, YearMonth::parse);
            return module;
        }
    }

    private static <T> void addIso(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, ToStringSerializer.instance);
        module.addDeserializer(type, new IsoDeserializer<>(type, parse));
    }

    /** Reads a date from its ISO-8601 text, as {@code toString()} wrote it. */
    private static final class IsoDeserializer<T> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final transient Function<String, T> parse;

        IsoDeserializer(Class<T> type, Function<String, T> parse) {
            super(type);
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return parse.apply(text);
            } catch (DateTimeException | NullPointerException e) {
                return type.cast(context.handleWeirdStringValue(type, text, "not an ISO-8601 date: %s",
                        e.getMessage()));
            }
        }
    }
}
