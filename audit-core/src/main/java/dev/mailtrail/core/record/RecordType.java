package dev.mailtrail.core.record;

/** Exchange's {@code RecordType} numbers that MailTrail produces (an open set when reading Microsoft's). */
public final class RecordType {
    public static final int EXCHANGE_ADMIN = 1;
    public static final int EXCHANGE_ITEM = 2;
    public static final int EXCHANGE_ITEM_GROUP = 3;
    public static final int EXCHANGE_ITEM_AGGREGATED = 50;
    public static final int EXCHANGE_SEARCH = 101;

    private static final int[] NAMED = {
        EXCHANGE_ADMIN, EXCHANGE_ITEM, EXCHANGE_ITEM_GROUP, 15, 19, EXCHANGE_ITEM_AGGREGATED, EXCHANGE_SEARCH
    };

    private RecordType() {}

    /** A {@code -RecordType} value: Exchange's name (any case) or the number. */
    public static java.util.OptionalInt parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (int type : NAMED) {
            if (name(type).equalsIgnoreCase(trimmed)) {
                return java.util.OptionalInt.of(type);
            }
        }
        try {
            return java.util.OptionalInt.of(Integer.parseInt(trimmed));
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** Exchange's name for the number, as Search-UnifiedAuditLog's {@code -RecordType} takes it. */
    public static String name(int recordType) {
        return switch (recordType) {
            case EXCHANGE_ADMIN -> "ExchangeAdmin";
            case EXCHANGE_ITEM -> "ExchangeItem";
            case EXCHANGE_ITEM_GROUP -> "ExchangeItemGroup";
            case 15 -> "AzureActiveDirectoryStsLogon";
            case 19 -> "ExchangeAggregatedOperation";
            case EXCHANGE_ITEM_AGGREGATED -> "ExchangeItemAggregated";
            case EXCHANGE_SEARCH -> "ExchangeSearch";
            default -> Integer.toString(recordType);
        };
    }
}
