package dev.mailtrail.core.event;

/** Exchange's {@code {"Name": …, "Value": …}} pair, as in {@code Parameters} and {@code OperationProperties}. */
public record NameValue(String name, String value) {}
