package com.pmsbridge.queue.api;

import com.pmsbridge.queue.item.QueueItem;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import jakarta.ws.rs.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How a page of items is read: the order (oldest or newest first, ties broken by id), where the previous page ended
 * (a cursor of its last item's time and id, so paging is stable while items arrive), a text search over summary, unit
 * and entity, and the suggested-skip flag.
 */
record ItemQuery(boolean oldestFirst, Instant afterTime, UUID afterId, String text, Boolean suggestedSkip) {
    static final ItemQuery NEWEST = new ItemQuery(false, null, null, null, null);
    private static final int MAX_TEXT = 100;

    static ItemQuery parse(String sort, String after, String text, Boolean suggestedSkip) {
        boolean oldest = switch (sort == null ? "newest" : sort) {
            case "oldest" -> true;
            case "newest" -> false;
            default -> throw new BadRequestException("query parameter 'sort' must be 'oldest' or 'newest'");
        };
        if (text != null && text.length() > MAX_TEXT) {
            throw new BadRequestException("query parameter 'q' must be at most " + MAX_TEXT + " characters");
        }
        Instant time = null;
        UUID id = null;
        if (after != null && !after.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
                time = Instant.parse(parts[0]);
                id = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw new BadRequestException("query parameter 'after' is not a cursor this API gave out");
            }
        }
        return new ItemQuery(oldest, time, id, text == null || text.isBlank() ? null : text.trim(), suggestedSkip);
    }

    static String cursorOf(QueueItem last) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((last.createdAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
    }

    List<QueueItem> find(String org, QueueItemResource.Filter filter, int limit) {
        StringBuilder query = new StringBuilder("org = :org");
        Parameters parameters = Parameters.with("org", org);
        QueueItemResource.where(filter, query, parameters);
        if (suggestedSkip != null) {
            query.append(" and suggestedSkip = :suggestedSkip");
            parameters.and("suggestedSkip", suggestedSkip);
        }
        if (text != null) {
            query.append(" and (lower(summary) like :text or lower(unitId) like :text or lower(entityKey) like :text)");
            parameters.and("text", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        }
        if (afterTime != null) {
            String beyond = oldestFirst ? ">" : "<";
            query.append(" and (createdAt ")
                    .append(beyond)
                    .append(" :afterTime or (createdAt = :afterTime and id ")
                    .append(beyond)
                    .append(" :afterId))");
            parameters.and("afterTime", afterTime).and("afterId", afterId);
        }
        Sort order = oldestFirst ? Sort.ascending("createdAt", "id") : Sort.descending("createdAt", "id");
        return QueueItem.<QueueItem>find(query.toString(), order, parameters)
                .page(0, limit)
                .list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
