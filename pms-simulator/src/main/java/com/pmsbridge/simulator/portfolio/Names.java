package com.pmsbridge.simulator.portfolio;

import java.util.Random;

/** Realistic, awkward names: unicode, apostrophes and hyphens, as real rent rolls have them. */
final class Names {
    private static final String[] FIRST = {
        "Zoë",
        "José",
        "Siobhán",
        "Łukasz",
        "Ana-María",
        "Björn",
        "Chloé",
        "D'Arcy",
        "Nguyễn",
        "Aoife",
        "Renée",
        "Jean-Luc",
        "Søren",
        "Mei-Ling",
        "Óscar",
        "Krzysztof",
        "Anaïs",
        "Tomás"
    };
    private static final String[] LAST = {
        "O'Brien-Nakamura",
        "Álvarez",
        "Ní Bhriain",
        "Wójcik",
        "D'Souza",
        "Þórsson",
        "Müller-Lüdenscheidt",
        "García Márquez",
        "O'Connor",
        "Smith-Jones",
        "Nguyễn",
        "Van der Berg",
        "Al-Rashid",
        "Kowalczyk",
        "Fernández-Ruiz",
        "MacDonald",
        "Øvergaard",
        "St. John"
    };
    private static final String[] STREETS = {
        "Maple Court",
        "Rue Saint-Éloi",
        "Lakeside Drive",
        "O'Hare Avenue",
        "Königstraße",
        "Peachtree-Dunwoody Road",
        "Elm Street",
        "Via dell'Orso"
    };
    private static final String[] ISSUES = {
        "Leaking kitchen faucet",
        "Heat not working",
        "Garbage disposal jammed",
        "Smoke detector chirping",
        "Broken window latch",
        "Dishwasher won't drain",
        "Front door lock sticks"
    };

    private Names() {}

    static String first(Random random) {
        return FIRST[random.nextInt(FIRST.length)];
    }

    static String last(Random random) {
        return LAST[random.nextInt(LAST.length)];
    }

    static String street(Random random) {
        return STREETS[random.nextInt(STREETS.length)];
    }

    static String issue(Random random) {
        return ISSUES[random.nextInt(ISSUES.length)];
    }

    /** A long, realistic description with punctuation and non-ASCII characters. */
    static String description(Random random) {
        return "Resident reports: \"" + issue(random).toLowerCase() + "\" since last week; it's worse at night. "
                + "Access: call first — dog on premises (friendly). Notes from the previous visit mention a worn "
                + "gasket and a stiff shut-off valve under the sink; bring replacement parts (½\" and ⅜\" fittings). "
                + "Préférence: mornings before 11:00.";
    }
}
