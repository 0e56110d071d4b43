package io.waybill.platform.axon;

import io.waybill.platform.web.WholeNumbers;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The times the JDBC event store keeps, read back. Axon writes each as {@code 2026-12-04T18:00:19.580Z} (its
 * {@code DateTimeUtils.formatInstant}: UTC, milliseconds) and parses it with a {@code DateTimeFormatter} every time
 * it is asked; in a timeline page of 100 events that parse was a quarter of the reading. This reads that one layout
 * field by field and leaves every other text to Axon's parser, so what it answers is what Axon would.
 */
public final class StoredTimestamps {

    private static final int LENGTH = "2026-12-04T18:00:19.580Z".length();

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        Instant quick = text.length() == LENGTH ? utcMillis(text) : null;
        return quick != null ? quick : DateTimeUtils.parseInstant(text);
    }

    /** Stored event data whose time is read once, when the row is. */
    public static <T> DomainEventData<T> parsedOnce(DomainEventData<T> data, String storedTime) {
        return new Parsed<>(data, parse(storedTime));
    }

    /** The time in {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, or null where the text is laid out otherwise. */
    private static Instant utcMillis(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return null;
        }
        int year = WholeNumbers.digits(text, 0, 4);
        int month = WholeNumbers.digits(text, 5, 2);
        int day = WholeNumbers.digits(text, 8, 2);
        int hour = WholeNumbers.digits(text, 11, 2);
        int minute = WholeNumbers.digits(text, 14, 2);
        int second = WholeNumbers.digits(text, 17, 2);
        int millis = WholeNumbers.digits(text, 20, 3);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || millis < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    private record Parsed<T>(DomainEventData<T> data, Instant time) implements DomainEventData<T> {

        @Override
        public String getType() {
            return data.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return data.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return data.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return data.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return time;
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return data.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return data.getPayload();
        }
    }
}
