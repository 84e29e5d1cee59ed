import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prints a rebuild's duration and rate from its JSON view (bench/sync-rebuild.sh). */
public class RebuildSummary {
    public static void main(String[] args) {
        String view = args[0];
        Instant started = Instant.parse(field(view, "startedAt"));
        Instant finished = Instant.parse(field(view, "finishedAt"));
        long events = Long.parseLong(field(view, "events"));
        long entities = Long.parseLong(field(view, "entities"));
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        System.out.printf("rebuild %s: %d events, %d entities in %.1f s: %.0f events/s%n", field(view, "status"),
                events, entities, seconds, events / seconds);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
