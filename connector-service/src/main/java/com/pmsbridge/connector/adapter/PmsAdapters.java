package com.pmsbridge.connector.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every adapter on the classpath, by PMS type. */
@ApplicationScoped
public class PmsAdapters {
    private final Map<String, PmsAdapter> byType;

    PmsAdapters(Instance<PmsAdapter> adapters) {
        this.byType = adapters.stream().collect(Collectors.toMap(PmsAdapter::pmsType, Function.identity()));
    }

    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    public Optional<PmsAdapter> forType(String pmsType) {
        return Optional.ofNullable(byType.get(pmsType));
    }
}
