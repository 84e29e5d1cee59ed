package com.pmsbridge.simulator;

/**
 * Runs the simulator from the command line; settings come from environment variables (SIM_PORT, SIM_PROPERTIES,
 * SIM_UNITS_PER_PROPERTY, SIM_WEBHOOK_URL, SIM_WEBHOOK_SECRET, SIM_CLIENT_ID, SIM_CLIENT_SECRET, SIM_CHANGE_INTERVAL_MS,
 * SIM_DUPLICATE_RATE, SIM_OUT_OF_ORDER_RATE, SIM_APPFOLIO_WEBHOOK_URL).
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig d = SimulatorConfig.defaults();
        SimulatorConfig config = new SimulatorConfig(
                Integer.parseInt(env("SIM_PORT", "8090")),
                Integer.parseInt(env("SIM_PROPERTIES", Integer.toString(d.properties()))),
                Integer.parseInt(env("SIM_UNITS_PER_PROPERTY", Integer.toString(d.unitsPerProperty()))),
                d.seed(),
                env("SIM_CLIENT_ID", d.clientId()),
                env("SIM_CLIENT_SECRET", d.clientSecret()),
                d.requestsPerSecond(),
                env("SIM_WEBHOOK_URL", null),
                env("SIM_WEBHOOK_SECRET", d.webhookSecret()),
                d.accountId(),
                Long.parseLong(env("SIM_CHANGE_INTERVAL_MS", "3000")),
                Double.parseDouble(env("SIM_DUPLICATE_RATE", Double.toString(d.duplicateRate()))),
                Double.parseDouble(env("SIM_OUT_OF_ORDER_RATE", Double.toString(d.outOfOrderRate()))),
                env("SIM_APPFOLIO_WEBHOOK_URL", null));
        PmsSimulator simulator = PmsSimulator.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("PMS simulator on " + simulator.baseUrl() + " (Buildium API under /v1)");
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
