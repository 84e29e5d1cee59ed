package com.pmsbridge.sync.intake;

import com.pmsbridge.contract.EntityType;
import com.pmsbridge.contract.Topics;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change topics the projection consumes, from the contract ({@link Topics#changes}) rather than a list kept by
 * hand: a new entity type is consumed without a configuration change. Below application.properties (ordinal 250),
 * so an explicit {@code mp.messaging.incoming.change-events.topics} still wins.
 */
public class ChangeTopicsConfigSource implements ConfigSource {
    static final String PROPERTY = "mp.messaging.incoming.change-events.topics";
    private static final Map<String, String> VALUES = Map.of(
            PROPERTY, Arrays.stream(EntityType.values()).map(Topics::changes).collect(Collectors.joining(",")));

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "event-contract change topics";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
